// The one dispatch both hosts use: check the call name and its input against the contract, run
// the handler, and wrap the outcome in the `CallResult` envelope. Never throws.
import type { z } from 'zod';
import { calls, isCallName, type CallName, type CallResult, type Handlers } from '../../shared/api';
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

export type Dispatch = (name: string, input: unknown) => Promise<CallResult>;

export function createDispatch(
  handlers: Handlers,
  onError?: (name: CallName, error: unknown) => void,
): Dispatch {
  return async (name, input) => {
    if (!isCallName(name)) return failure('unknown-call', `unknown call "${name}"`);
    const parsed = calls[name].input.safeParse(input ?? {});
    if (!parsed.success) {
      const issues = issuesOf(parsed.error);
      const detail = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
      return failure('invalid-input', `invalid input for ${name}: ${detail}`, issues);
    }
    try {
      const handler = handlers[name] as (args: unknown) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      if (error instanceof UnavailableError) return failure('unavailable', error.message);
      if (error instanceof CallError) return failure(error.code, error.message);
      onError?.(name, error);
      return failure('failed', `${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}
