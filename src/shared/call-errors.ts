// Failures a handler expects and the caller can act on: each carries the code the hosts answer
// with (HTTP 400 for `invalid-input`, the same code over IPC), and its message says what and where.
import type { CallErrorCode } from './api';

export class CallError extends Error {
  constructor(
    readonly code: Extract<CallErrorCode, 'invalid-input'>,
    message: string,
  ) {
    super(message);
  }
}

/** Input the schema accepts but the call refuses (a path that is not a flagging folder…). */
export const badInput = (message: string): CallError => new CallError('invalid-input', message);
