import { safeWebUrl } from '../safeUrl';

describe('safeWebUrl', () => {
  it('keeps absolute http and https addresses, trimmed', () => {
    expect(safeWebUrl('https://learn.example/sales')).toBe('https://learn.example/sales');
    expect(safeWebUrl('  http://learn.example/a?b=1  ')).toBe('http://learn.example/a?b=1');
    expect(safeWebUrl('HTTPS://Learn.Example/x')).toBe('HTTPS://Learn.Example/x');
  });

  it.each([
    // eslint-disable-next-line no-script-url -- the unsafe addresses are the inputs under test
    'javascript:alert(1)',
    ' JavaScript:alert(document.cookie)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://files.example/a',
    '//learn.example/protocol-relative',
    '/relative/path',
    'learn.example/no-scheme',
  ])('refuses %s', (value) => {
    expect(safeWebUrl(value)).toBeNull();
  });

  it('refuses blank values', () => {
    expect(safeWebUrl(undefined)).toBeNull();
    expect(safeWebUrl(null)).toBeNull();
    expect(safeWebUrl('   ')).toBeNull();
  });
});
