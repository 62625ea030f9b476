// When and how long to wait before trying a Hub request again: network errors, 408, 429 and 5xx
// are worth another try; the wait honours `Retry-After` (seconds or an HTTP date) and the Hub's
// `RateLimit: "api";r=0;t=<seconds>`, else grows exponentially with full jitter.

export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Longest wait a server may ask for before we give up rather than sleep. */
  maxServerDelayMs: number;
  random: () => number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  attempts: 5,
  baseDelayMs: 500,
  maxDelayMs: 20_000,
  maxServerDelayMs: 120_000,
  random: Math.random,
};

export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** The wait a server asked for, in ms, from `Retry-After` or `RateLimit`; undefined when none. */
export function serverDelayMs(headers: Headers, now = Date.now()): number | undefined {
  const retryAfter = headers.get('retry-after');
  if (retryAfter !== null) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  const rateLimit = headers.get('ratelimit');
  const reset = rateLimit ? /;\s*t=(\d+)/.exec(rateLimit) : null;
  return reset ? Number(reset[1]) * 1000 : undefined;
}

/** Exponential backoff with full jitter for try number `attempt` (1 = the first retry). */
export function backoffMs(attempt: number, policy: RetryPolicy): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (policy.random() * ceiling) / 2);
}
