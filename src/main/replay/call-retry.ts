// One prediction as a replay makes it: each attempt bounded by the per-call timeout (the call is
// cancelled at the app when it runs out), and attempts repeated with exponential backoff while the
// app cannot be reached, refuses for a full queue, or does not answer in time.
import { CallCancelled, CallTimedOut, ConnectionFailed } from './gradio-app';

export interface RetryPolicy {
  attempts: number;
  firstDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, firstDelayMs: 250 };

export interface CallLimits {
  retry: RetryPolicy;
  /** Longest wait for one attempt's answer, queue time included. */
  timeoutMs: number;
}

export async function callWithRetry<T>(
  call: (signal: AbortSignal) => Promise<T>,
  limits: CallLimits,
  signal: AbortSignal,
  onRetry: () => void,
): Promise<T> {
  const { retry } = limits;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await withTimeout(call, limits.timeoutMs, signal);
    } catch (error) {
      const retryable = error instanceof ConnectionFailed || error instanceof CallTimedOut;
      if (!retryable || signal.aborted) throw error;
      if (attempt >= retry.attempts) {
        if (error instanceof CallTimedOut) {
          throw new CallTimedOut(
            `timed out: no answer within ${seconds(limits.timeoutMs)} s (${attempt} attempt${attempt === 1 ? '' : 's'})`,
          );
        }
        throw error;
      }
      await sleep(retry.firstDelayMs * 2 ** (attempt - 1), signal);
      onRetry();
    }
  }
}

async function withTimeout<T>(
  call: (signal: AbortSignal) => Promise<T>,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<T> {
  const attempt = new AbortController();
  const onCancel = () => attempt.abort();
  signal.addEventListener('abort', onCancel, { once: true });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    attempt.abort();
  }, timeoutMs);
  try {
    return await call(attempt.signal);
  } catch (error) {
    if (timedOut && !signal.aborted && error instanceof CallCancelled) {
      throw new CallTimedOut(`no answer within ${seconds(timeoutMs)} s`);
    }
    throw error;
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', onCancel);
  }
}

const seconds = (ms: number): string => String(Math.round(ms) / 1000);

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(new CallCancelled('cancelled'));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(new CallCancelled('cancelled'));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
