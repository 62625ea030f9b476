// The Hub endpoint a push may send the token to: https anywhere, plain http only to this machine
// (a local test server), never a URL with credentials, a path, or a query in it.
import { PushError } from './push-error';

export const DEFAULT_HUB_URL = 'https://huggingface.co';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

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
