// What the user reads when a push fails: what happened and what to do, never the token. The
// library's HubApiError messages carry the URL and request id, which are safe to show.
import { HubApiError } from '@huggingface/hub';
import { PushError } from './push-error';

export { PushError };

export interface ErrorContext {
  repo: string;
  hubUrl: string;
  token: string;
  tokenSource?: string;
  /** What the push was doing: "creating the repo", "uploading commit 2 of 3"… */
  step: string;
}

function redact(text: string, token: string): string {
  return token ? text.split(token).join('hf_***') : text;
}

function causeText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}

function statusMessage(error: HubApiError, ctx: ErrorContext): string {
  const namespace = ctx.repo.split('/')[0];
  const from = ctx.tokenSource ? ` (token from ${ctx.tokenSource})` : '';
  switch (error.statusCode) {
    case 401:
      return `The Hub at ${ctx.hubUrl} refused the token${from}: 401 Unauthorized. Check that it is valid.`;
    case 403:
      return `The token${from} may not write to "${namespace}" on ${ctx.hubUrl} (403 Forbidden): it needs write access to that namespace.`;
    case 412:
      return `Someone else committed to ${ctx.repo} during the push (412, stale parent commit). Nothing was advertised; push again to finish.`;
    case 429:
      return `The Hub kept answering 429 Too Many Requests while ${ctx.step}, after several waits. Try again later.`;
    default:
      return error.statusCode >= 500
        ? `The Hub kept failing (HTTP ${error.statusCode}) while ${ctx.step}, after several tries: ${error.message}`
        : `The Hub refused the push while ${ctx.step} (HTTP ${error.statusCode}): ${error.message}`;
  }
}

export function describePushError(error: unknown, ctx: ErrorContext): PushError {
  if (error instanceof PushError) return new PushError(redact(error.message, ctx.token), error.status);
  let message: string;
  let status: number | undefined;
  if (error instanceof Error && error.name === 'AbortError') {
    message = `Push to ${ctx.repo} cancelled while ${ctx.step}. Nothing was advertised; files already uploaded are reused next time.`;
  } else if (error instanceof HubApiError) {
    status = error.statusCode;
    message = statusMessage(error, ctx);
  } else if (error instanceof TypeError && /fetch failed|network|socket|ECONN/i.test(causeText(error))) {
    message = `Lost the connection to ${ctx.hubUrl} while ${ctx.step}, after several tries (${causeText(error)}). Nothing was advertised; push again to finish.`;
  } else {
    message = `Push to ${ctx.repo} failed while ${ctx.step}: ${causeText(error)}`;
  }
  return new PushError(redact(message, ctx.token), status);
}
