// The Hub endpoint a push may send the token to: https anywhere, plain http only to this machine
// (a local test server), never a URL with credentials, a path, or a query in it. A push asked for by
// a page (the export dialog) may name only the Hub Flagdeck was started with, huggingface.co, or a
// server on this machine: the token it uses is stored, not typed, so a page must not be able to
// send it to a host of its choosing.
import { PushError } from './push-error';

export const DEFAULT_HUB_URL = 'https://huggingface.co';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

function isLoopback(origin: string): boolean {
  return LOOPBACK.has(new URL(origin).hostname);
}

/** The endpoint a page's push request may use (`requested`: the dialog's field, often empty). */
export function checkRequestedHubUrl(requested: string | undefined, configured: string | undefined): string {
  const home = checkHubUrl(configured);
  if (!requested?.trim()) return home;
  const url = checkHubUrl(requested);
  if (url === home || url === DEFAULT_HUB_URL || isLoopback(url)) return url;
  throw new PushError(
    `The stored token is sent only to ${home}${home === DEFAULT_HUB_URL ? '' : ` or ${DEFAULT_HUB_URL}`} (or a Hub on this machine); to push to ${url}, start Flagdeck with HF_ENDPOINT=${url}`,
  );
}

/** The endpoint without a trailing slash, as the client concatenates `${hubUrl}/api/…`. */
export function checkHubUrl(value: string | undefined): string {
  const text = (value ?? '').trim() || DEFAULT_HUB_URL;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new PushError(`"${text}" is not a Hub URL; give one like ${DEFAULT_HUB_URL}`);
  }
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
  if (!secure) {
    throw new PushError(
      `The Hub URL ${url.origin} must use https (plain http is allowed on this machine only): the token travels with every request`,
    );
  }
  if (url.username || url.password || url.search || url.hash || url.pathname.replace(/\/+$/, '') !== '') {
    throw new PushError(
      `The Hub URL must be just scheme, host and port, like ${DEFAULT_HUB_URL}; not ${text}`,
    );
  }
  return url.origin;
}
