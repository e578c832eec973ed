import TrainingTracker, { certificateState, daysBetween, trainingState } from 'c/trainingTracker';
import getTraining from '@salesforce/apex/PortalTrainingController.getTraining';
import { $, $$, $status, expectAccessible, flush, mount, unmountAll, wireMock } from '../../../tests/lwc/lwcTest';

jest.mock(
  '@salesforce/apex/PortalTrainingController.getTraining',
  () => jest.requireActual('../../../tests/lwc/lwcTest').apexWireModule(),
  { virtual: true },
);

const trainingWire = wireMock(getTraining);
const TODAY = '2030-03-10';

const ROWS = [
  {
    id: 'c1',
    contactName: 'Ana',
    moduleName: 'Sales basics',
    status: 'Assigned',
    dueDate: '2030-03-20',
    moduleUrl: 'https://learn.example/sales',
  },
  { id: 'c2', contactName: 'Ben', moduleName: 'Security', status: 'In Progress', dueDate: '2030-03-09' },
  { id: 'c3', contactName: 'Ana', moduleName: 'Product demo', status: 'Assigned', dueDate: '2030-03-17' },
  {
    id: 'c4',
    contactName: 'Ana',
    moduleName: 'Certified Seller',
    status: 'Completed',
    grantsCertification: true,
    completedOn: '2029-04-01',
    expiresOn: '2030-04-01',
  },
  {
    id: 'c5',
    contactName: 'Ben',
    moduleName: 'Certified Engineer',
    status: 'Expired',
    grantsCertification: true,
    completedOn: '2028-01-01',
    expiresOn: '2029-01-01',
  },
  {
    id: 'c6',
    contactName: 'Ben',
    moduleName: 'Welcome tour',
    status: 'Completed',
    grantsCertification: false,
    completedOn: '2030-01-05',
  },
];

const render = () => mount('c-training-tracker', TrainingTracker, { today: TODAY });

describe('training states', () => {
  it('counts calendar days across month ends and leap days', () => {
    expect(daysBetween('2030-02-28', '2030-03-01')).toBe(1);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2030-03-10', '2030-03-09')).toBe(-1);
  });

  it('flags overdue and due-soon assignments at the 7-day boundary', () => {
    expect(trainingState({ status: 'Assigned', dueDate: '2030-03-09' }, TODAY)).toBe('Overdue');
    expect(trainingState({ status: 'Assigned', dueDate: '2030-03-10' }, TODAY)).toBe('Due soon');
    expect(trainingState({ status: 'Assigned', dueDate: '2030-03-17' }, TODAY)).toBe('Due soon');
    expect(trainingState({ status: 'Assigned', dueDate: '2030-03-18' }, TODAY)).toBe('To do');
    expect(trainingState({ status: 'In Progress' }, TODAY)).toBe('In progress');
  });

  it('flags certificates expiring within 30 days and expired ones', () => {
    expect(certificateState({ status: 'Completed', expiresOn: '2030-04-09' }, TODAY)).toBe('Expiring soon');
    expect(certificateState({ status: 'Completed', expiresOn: '2030-04-10' }, TODAY)).toBe('Valid');
    expect(certificateState({ status: 'Completed', expiresOn: '2030-03-09' }, TODAY)).toBe('Expired');
    expect(certificateState({ status: 'Expired', expiresOn: '2031-01-01' }, TODAY)).toBe('Expired');
    expect(certificateState({ status: 'Completed' }, TODAY)).toBe('No expiry');
  });
});

describe('c-training-tracker', () => {
  afterEach(unmountAll);

  it('lists open training by due date with its state, then certificates and completed training', async () => {
    const element = render();
    trainingWire.emit(ROWS);
    await flush();

    const todo = $$(element, '[data-id="todo-row"]');
    expect(todo.map((row) => row.dataset.state)).toEqual(['Overdue', 'Due soon', 'To do']);
    expect(todo[0].textContent).toContain('Security');
    const link = $(element, '[data-id="todo"] a') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('https://learn.example/sales');
    expect(link.getAttribute('aria-label')).toBe('Open the course Sales basics');
    expect($$(element, '[data-id="certificate-row"]').map((row) => row.dataset.state)).toEqual([
      'Expiring soon',
      'Expired',
    ]);
    expect($(element, '[data-id="completed"]')!.textContent).toContain('Welcome tour');
    const summary = $(element, '[data-id="summary"]')!;
    expect(summary.textContent).toBe('3 to complete, 1 overdue.');
    expect(summary.getAttribute('aria-live')).toBe('polite');
    await expectAccessible(element);
  });

  // eslint-disable-next-line no-script-url -- the unsafe stored address is the input under test
  it.each(['javascript:alert(document.cookie)', 'data:text/html,<script>alert(1)</script>', ' JavaScript:void(0)'])(
    'shows a course stored with the address %s as text, never as a link',
    async (moduleUrl) => {
      const element = render();
      trainingWire.emit([{ id: 'x1', contactName: 'Ana', moduleName: 'Unsafe course', status: 'Assigned', moduleUrl }]);
      await flush();

      const row = $(element, '[data-id="todo-row"]')!;
      expect(row.textContent).toContain('Unsafe course');
      expect(row.querySelector('a')).toBeNull();
      expect($$(element, '[href]')).toEqual([]);
    },
  );

  it('says when nothing is assigned', async () => {
    const element = render();
    trainingWire.emit([]);
    await flush();
    expect($(element, '[data-id="empty"]')).not.toBeNull();
    expect($(element, '[data-id="summary"]')!.textContent).toBe('Nothing left to complete.');
    expect($(element, '[data-id="todo"]')).toBeNull();
  });

  it('shows the server error as an alert', async () => {
    const element = render();
    trainingWire.error({ message: 'No access' });
    await flush();
    expect($status(element, '[data-id="error"]')!.getAttribute('role')).toBe('alert');
    expect($status(element, 'lightning-spinner')).toBeNull();
  });
});
