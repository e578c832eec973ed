import { errorMessage, serverMessages } from 'c/errorUtils';

const FALLBACK = 'The list could not be loaded.';

describe('errorMessage', () => {
  it('shows the message of an Apex exception', () => {
    const error = { status: 400, body: { message: 'You cannot renew this registration yet.', exceptionType: 'X' } };
    expect(errorMessage(error, FALLBACK)).toBe('You cannot renew this registration yet.');
  });

  it('joins the messages of a UI API read, which answers with a list', () => {
    const error = { body: [{ message: 'First problem.' }, { message: 'Second problem.' }] };
    expect(errorMessage(error, FALLBACK)).toBe('First problem. Second problem.');
  });

  it('prefers the record and field errors of a failed save to its generic message', () => {
    const error = {
      body: {
        message: 'An error occurred while trying to update the record. Please try again.',
        output: {
          errors: [{ message: 'The amount must be positive.' }],
          fieldErrors: { Amount__c: [{ message: 'ignored while a record error exists' }] },
        },
      },
    };
    expect(errorMessage(error, FALLBACK)).toBe('The amount must be positive.');
  });

  it('reads field errors when the save names no record error', () => {
    const error = {
      body: { message: 'generic', output: { errors: [], fieldErrors: { Email: [{ message: 'Bad e-mail.' }] } } },
    };
    expect(errorMessage(error, FALLBACK)).toBe('Bad e-mail.');
  });

  it('reads DML page errors and field errors of an Apex DmlException body', () => {
    expect(errorMessage({ body: { message: 'generic', pageErrors: [{ message: 'Locked.' }] } }, FALLBACK)).toBe(
      'Locked.',
    );
    expect(errorMessage({ body: { fieldErrors: { Name: [{ message: 'Required.' }] } } }, FALLBACK)).toBe('Required.');
  });

  it('reads every error of a list (several wires failing at once), without repeats', () => {
    const errors = [
      { body: { message: 'No access.' } },
      { body: { message: 'No access.' } },
      { body: { message: 'Gone.' } },
    ];
    expect(serverMessages(errors)).toEqual(['No access.', 'Gone.']);
  });

  it.each([
    ['a client-side exception', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a network failure without a body', { status: 0, statusText: 'Network error' }],
    ['a blank server message', { body: { message: '   ' } }],
    ['nothing at all', undefined],
    ['a string', 'boom'],
  ])('falls back to the component sentence for %s', (_label, error) => {
    expect(errorMessage(error, FALLBACK)).toBe(FALLBACK);
  });
});
