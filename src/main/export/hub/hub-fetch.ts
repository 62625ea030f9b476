// The `fetch` the push hands to `@huggingface/hub`: byte progress from the library's non-standard
// `progressHint`, and retries (the library has none) for every request except the commit POST.
// A commit is not idempotent: a blind retry could commit twice; with `parentCommit` set, the push
// gets a 412 instead and says so.
import { countingStream } from './progress-body';
import {
  backoffMs,
  DEFAULT_RETRY_POLICY,
  isRetryableStatus,
  serverDelayMs,
  type RetryPolicy,
} from './retry-policy';

interface ProgressHint {
  progressCallback?: (fraction: number) => void;
}

type HintedInit = RequestInit & { progressHint?: ProgressHint };

export interface RetryNotice {
  method: string;
  /** Path of the request URL (never its query string or headers, which may carry secrets). */
  path: string;
  attempt: number;
  delayMs: number;
  reason: string;
}

export interface HubFetchOptions {
  fetch?: typeof fetch;
  policy?: Partial<RetryPolicy>;
  onRetry?: (notice: RetryNotice) => void;
  sleep?: (ms: number, signal?: AbortSignal | null) => Promise<void>;
}

const COMMIT_PATH = /\/api\/(models|datasets|spaces)\/[^/]+\/[^/]+\/commit\//;

export function isCommitRequest(method: string, url: string): boolean {
  return method === 'POST' && COMMIT_PATH.test(new URL(url).pathname);
}

function abortableSleep(ms: number, signal?: AbortSignal | null): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function urlOf(input: string | URL | Request): string {
  if (typeof input === 'string') return input;
  return input instanceof URL ? input.href : input.url;
}

/** The init for one try: a Blob body with a progress hint is streamed and counted. */
function tryInit(init: HintedInit | undefined): RequestInit | undefined {
  if (!init) return init;
  const { progressHint, ...rest } = init;
  const callback = progressHint?.progressCallback;
  if (!callback || !(rest.body instanceof Blob)) return rest;
  const headers = new Headers(rest.headers);
  headers.set('Content-Length', String(rest.body.size));
  const body = countingStream(rest.body, callback);
  return { ...rest, headers, body, duplex: 'half' } as RequestInit;
}

function isAbort(error: unknown, signal?: AbortSignal | null): boolean {
  return signal?.aborted === true || (error instanceof Error && error.name === 'AbortError');
}

export function createHubFetch(options: HubFetchOptions = {}): typeof fetch {
  const baseFetch = options.fetch ?? globalThis.fetch;
  const policy = { ...DEFAULT_RETRY_POLICY, ...options.policy };
  const sleep = options.sleep ?? abortableSleep;

  return async function hubFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
    const url = urlOf(input);
    const method = (init?.method ?? 'GET').toUpperCase();
    const retryable = !isCommitRequest(method, url);
    const signal = init?.signal;
    for (let attempt = 1; ; attempt += 1) {
      const last = !retryable || attempt >= policy.attempts;
      let response: Response;
      try {
        response = await baseFetch(input, tryInit(init as HintedInit | undefined));
      } catch (error) {
        if (last || isAbort(error, signal)) throw error;
        const delayMs = backoffMs(attempt, policy);
        options.onRetry?.({ method, path: new URL(url).pathname, attempt, delayMs, reason: 'network error' });
        await sleep(delayMs, signal);
        continue;
      }
      if (last || !isRetryableStatus(response.status)) return response;
      const asked = serverDelayMs(response.headers);
      if (asked !== undefined && asked > policy.maxServerDelayMs) return response;
      const delayMs = asked ?? backoffMs(attempt, policy);
      await response.body?.cancel();
      options.onRetry?.({
        method,
        path: new URL(url).pathname,
        attempt,
        delayMs,
        reason: `HTTP ${response.status}`,
      });
      await sleep(delayMs, signal);
    }
  };
}
