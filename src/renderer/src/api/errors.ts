// A failed call as the renderer sees it: the host's message and the input issues, if any.
import type { CallErrorCode, CallResult } from '../../../shared/api';

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: CallErrorCode | 'transport',
    readonly issues: { path: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The value of a successful call; an `ApiError` for a failed one. */
export function unwrap<T>(result: CallResult): T {
  if (result.ok) return result.value as T;
  throw new ApiError(result.error.message, result.error.code, result.error.issues);
}
