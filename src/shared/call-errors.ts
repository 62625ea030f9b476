// Failures a handler expects and the caller can act on: each carries the code the hosts answer
// with (HTTP 404 / 409 / 403, the same code over IPC), and is logged as one line, not a stack.
import type { CallErrorCode } from './api';

export class CallError extends Error {
  constructor(
    readonly code: Extract<CallErrorCode, 'not-found' | 'conflict' | 'forbidden' | 'invalid-input'>,
    message: string,
  ) {
    super(message);
  }
}

/** A sample, file or edit that does not exist. */
export const notFound = (message: string): CallError => new CallError('not-found', message);
/** A call about a folder that is not open (closed meanwhile, or never opened). */
export const notOpen = (folderId: string): CallError =>
  new CallError('conflict', `no open folder "${folderId}" (it was closed, or never opened)`);
/** A folder or file this process may not open or read. */
export const forbidden = (message: string): CallError => new CallError('forbidden', message);
/** Input the schema accepts but the call refuses (a non-canonical sample id…). */
export const badInput = (message: string): CallError => new CallError('invalid-input', message);
