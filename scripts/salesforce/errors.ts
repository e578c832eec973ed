/** Errors of the org boundary; commands map them to exit code 3. */

export class OrgApiError extends Error {
  constructor(
    message: string,
    readonly errorCode?: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'OrgApiError';
  }
}

/** The session is invalid or expired: retrying cannot help, the user must log in again. */
export class SessionError extends OrgApiError {
  constructor(orgLabel: string) {
    super(
      `The session for ${orgLabel} is invalid or has expired (INVALID_SESSION_ID). Log in again with ` +
        `\`sf org login web --alias ${orgLabel}\` and re-run the command: finished work is not repeated.`,
      'INVALID_SESSION_ID',
      401,
    );
    this.name = 'SessionError';
  }
}
