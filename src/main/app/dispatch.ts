// The one dispatch both hosts use: check the call name and its input against the contract, run
// the handler, and wrap the outcome in the `CallResult` envelope. Never throws.
import type { z } from 'zod';
import {
  calls,
  isCallName,
  type Caller,
  type CallName,
  type CallResult,
  type Handlers,
} from '../../shared/api';
import { CallError } from '../../shared/call-errors';

/** A handler's way to say "this host cannot do that" (e.g. a native dialog in serve mode). */
export class UnavailableError extends Error {}

type Issue = { path: string; message: string };

function issuesOf(error: z.ZodError): Issue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(input)',
    message: issue.message,
  }));
}

function failure(
  code: Exclude<CallResult, { ok: true }>['error']['code'],
  message: string,
  issues: Issue[] = [],
): CallResult {
  return { ok: false, error: { code, message, issues } };
}

/** `caller`: who made the call, when the host can tell (see `Caller`). */
export type Dispatch = (name: string, input: unknown, caller?: Caller) => Promise<CallResult>;

type ErrorCode = Exclude<CallResult, { ok: true }>['error']['code'];

// A file or folder the process may not read is the caller's problem to fix, not a crash of ours.
const errnoCodes: Record<string, ErrorCode> = { EACCES: 'forbidden', EPERM: 'forbidden' };

/** The code a handler's failure answers with; undefined for an unexpected one (a bug, a disk error). */
export function expectedCode(error: unknown): ErrorCode | undefined {
  if (error instanceof UnavailableError) return 'unavailable';
  if (error instanceof CallError) return error.code;
  const errno = (error as NodeJS.ErrnoException | null)?.code;
  return typeof errno === 'string' ? errnoCodes[errno] : undefined;
}

/**
 * `expected`: the failure has a code of its own (not found, not open, forbidden…) and is worth one
 * line in the log; otherwise it is a bug or a disk error, worth its stack.
 */
export type DispatchErrorLog = (name: CallName, error: unknown, expected: boolean) => void;

export function createDispatch(handlers: Handlers, onError?: DispatchErrorLog): Dispatch {
  return async (name, input, caller) => {
    if (!isCallName(name)) return failure('unknown-call', `unknown call "${name}"`);
    const parsed = calls[name].input.safeParse(input ?? {});
    if (!parsed.success) {
      const issues = issuesOf(parsed.error);
      const detail = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
      return failure('invalid-input', `invalid input for ${name}: ${detail}`, issues);
    }
    try {
      const handler = handlers[name] as (args: unknown, caller?: Caller) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.data, caller) };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const code = expectedCode(error);
      if (code === 'unavailable') return failure(code, message);
      onError?.(name, error, code !== undefined);
      return code ? failure(code, message) : failure('failed', `${name} failed: ${message}`);
    }
  };
}
