// A local stand-in for the Hugging Face Hub, for tests: what `@huggingface/hub` 2.17.5 and Python
// `huggingface_hub` 1.33 / `datasets` 5.0.1 call to push and read a repo (hub-protocol.md §2),
// refusing what the Hub refuses. Starts on 127.0.0.1, port 0. Faults can be injected per request.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Auth, type TokenGrant } from './auth';
import type { RouteContext } from './context';
import { Faults, type FaultAction } from './faults';
import { HubError, sendError, sendJson } from './http-util';
import { route } from './router';
import { HubStore } from './store';

export type { FaultAction, FaultRule } from './faults';
export type { TokenGrant, HubUser } from './auth';
export { HubStore } from './store';

export interface HubServerOptions {
  tokens: Record<string, TokenGrant>;
  /** Entries per tree page before a `Link: rel="next"` (default 1000, as the Hub). */
  treePageSize?: number;
  /** Objects larger than this many bytes are offered as multipart uploads of this chunk size (default: never). */
  multipartChunkSize?: number;
}

export interface RequestRecord {
  method: string;
  path: string;
  status: number;
}

export interface HubServer {
  url: string;
  store: HubStore;
  faults: Faults;
  /** Every request answered (or dropped: status 0), in order. */
  requests: RequestRecord[];
  /** The `transfers` each LFS batch call offered (the JS client offers xet unless told not to). */
  lfsTransfers: string[][];
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs the injected actions; true when the request was answered or dropped by one of them. */
async function applyFaults(
  actions: FaultAction[],
  req: IncomingMessage,
  res: ServerResponse,
): Promise<boolean> {
  for (const action of actions) {
    if (action.kind === 'delay') await sleep(action.ms);
    else if (action.kind === 'loseAnswer') {
      res.end = (() => {
        req.socket.destroy();
        return res;
      }) as typeof res.end;
    } else if (action.kind === 'before') await action.run();
    else if (action.kind === 'drop') {
      // Read a little of the body first, so the client is mid-upload when the connection goes.
      await new Promise<void>((resolve) => {
        req.once('data', () => resolve());
        req.once('end', () => resolve());
      });
      req.socket.destroy();
      return true;
    } else {
      req.resume();
      if (action.retryAfter !== undefined) res.setHeader('Retry-After', String(action.retryAfter));
      sendJson(res, action.status, { error: action.message ?? `Injected ${action.status}` });
      return true;
    }
  }
  return false;
}

export async function startHubServer(options: HubServerOptions): Promise<HubServer> {
  const ctx: RouteContext = {
    store: new HubStore(),
    auth: new Auth(new Map(Object.entries(options.tokens))),
    baseUrl: '',
    uploads: new Map(),
    multipartChunkSize: options.multipartChunkSize,
    multipart: new Map(),
    treePageSize: options.treePageSize ?? 1000,
    lfsTransfers: [],
  };
  const faults = new Faults();
  const requests: RequestRecord[] = [];
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', ctx.baseUrl).pathname;
    const record: RequestRecord = { method: req.method ?? '', path, status: 0 };
    requests.push(record);
    res.on('finish', () => (record.status = res.statusCode));
    void (async () => {
      try {
        if (await applyFaults(faults.take(req, path), req, res)) return;
        await route(ctx, req, res)();
      } catch (error) {
        if (!(error instanceof HubError)) console.error('hub-server:', error);
        req.resume();
        sendError(res, error instanceof HubError ? error : new HubError(500, 'Internal error'));
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  ctx.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: ctx.baseUrl,
    store: ctx.store,
    faults,
    requests,
    lfsTransfers: ctx.lfsTransfers,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
