// A push failure in words for the user (never holding the token), with the Hub's status if any.
export class PushError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'PushError';
  }
}
