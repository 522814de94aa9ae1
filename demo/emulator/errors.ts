/**
 * An error with an HTTP status. The in-process API throws it for bad input (400), unknown ids (404) and
 * conflicts (409); the HTTP layer turns it into a JSON answer `{error}` with that status.
 */
export class EmulatorError extends Error {
  /** HTTP status that describes the error. */
  readonly status: number;

  constructor(status: number, message: string) {
    super(message);
    this.name = 'EmulatorError';
    this.status = status;
  }
}
