// `POST /api/<call>`: a JSON body in, the `CallResult` envelope out, with an HTTP status that
// says how the call went (400 for input the contract refuses, 404 for an unknown call…).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CallResult } from '../../shared/api';
import { TAB_HEADER, tabSession } from '../../shared/tab-session';
import type { Dispatch } from '../app/dispatch';

const maxBodyBytes = 4 * 1024 * 1024;

const statusOf: Record<Exclude<CallResult, { ok: true }>['error']['code'], number> = {
  'invalid-input': 400,
  'unknown-call': 404,
  'not-found': 404,
  conflict: 409,
  forbidden: 403,
  failed: 500,
  unavailable: 501,
};

export function sendJson(res: ServerResponse, status: number, body: CallResult): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(text);
}

const refused = (message: string): CallResult => ({
  ok: false,
  error: { code: 'invalid-input', message, issues: [] },
});

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBodyBytes) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function handleApiCall(
  name: string,
  req: IncomingMessage,
  res: ServerResponse,
  dispatch: Dispatch,
): Promise<void> {
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    return sendJson(res, 405, refused(`use POST for /api/${name}`));
  }
  const text = await readBody(req);
  if (text === null) return sendJson(res, 413, refused(`request body over ${maxBodyBytes} bytes`));
  let input: unknown;
  try {
    input = text.trim() === '' ? {} : JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return sendJson(res, 400, refused(`the body of /api/${name} is not JSON: ${reason}`));
  }
  const result = await dispatch(name, input, { session: tabSession(req.headers[TAB_HEADER]) });
  sendJson(res, result.ok ? 200 : statusOf[result.error.code], result);
}
