import InaccessibleWidget from '../fixtures/inaccessibleWidget/inaccessibleWidget';
import { accessibilityViolations, expectAccessible, flush, mount, unmountAll } from '../lwcTest';

describe('the accessibility check of component tests', () => {
  afterEach(unmountAll);

  it('reports every planted error inside the component shadow root', async () => {
    const element = mount('x-inaccessible-widget', InaccessibleWidget);
    await flush();
    const violations = await accessibilityViolations(element);
    const rules = [...new Set(violations.map((line) => line.split(' ')[0]))].sort();
    expect(rules).toEqual(['aria-valid-attr-value', 'button-name', 'image-alt', 'label', 'list']);
    await expect(expectAccessible(element)).rejects.toThrow(/button-name/);
  });

  it('refuses to run under fake timers instead of waiting forever', async () => {
    const element = mount('x-inaccessible-widget', InaccessibleWidget);
    jest.useFakeTimers();
    try {
      await expect(accessibilityViolations(element)).rejects.toThrow(/jest.useRealTimers/);
    } finally {
      jest.useRealTimers();
    }
  });
});
