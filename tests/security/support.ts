// A real app behind a real web host (the services `flagdeck serve` composes), on a free port, over
// temporary flagging folders; and raw HTTP requests whose headers a browser's fetch would not let us forge.
import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { createApp, type App } from '../../src/main/app/compose';
import { webHostServices } from '../../src/main/app/host-services';
import { openAnywhere, openUnder } from '../../src/main/app/open-roots';
import { createServices } from '../../src/main/app/services';
import { startWebHost, type WebHost } from '../../src/main/host/web';

const cleanups: (() => Promise<unknown>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

export const LOG_HEADER = 'text,flag,username,timestamp\r\n';

/** A temporary folder, removed after the test. */
export async function tempDir(prefix = 'flagdeck-sec-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** A flagging folder `name` under `parent` with a `log.csv` of `rows` rows. */
export async function flaggingFolder(parent: string, name: string, rows = 3): Promise<string> {
  const folder = join(parent, name);
  await mkdir(folder, { recursive: true });
  const lines = Array.from({ length: rows }, (_, i) => `row ${i + 1},,,2026-11-25 10:00:0${i % 10}\r\n`);
  await writeFile(join(folder, 'log.csv'), LOG_HEADER + lines.join(''));
  return folder;
}

export interface Served {
  app: App;
  web: WebHost;
  token: string;
  /** `127.0.0.1:<port>`, the Host a browser sends. */
  host: string;
  /** The lines the app and host logged. */
  logs: string[];
  /** `POST /api/<name>` with the token; the status and parsed body. */
  call(name: string, input: unknown): Promise<{ status: number; body: ApiBody }>;
}

export type ApiBody = {
  ok: boolean;
  value?: unknown;
  error?: { code: string; message: string };
};

/** Serves `folders` as `flagdeck serve` does: they are the roots unless `anywhere`. */
export async function serve(
  folders: string[],
  options: { anywhere?: boolean; dataDir?: string } = {},
): Promise<Served> {
  const token = randomBytes(24).toString('base64url');
  const logs: string[] = [];
  const dataDir = options.dataDir ?? (await tempDir('flagdeck-sec-data-'));
  const app = await createApp({
    dataDir,
    host: webHostServices(token),
    services: createServices,
    log: (line) => logs.push(line),
    openPolicy: options.anywhere ? openAnywhere : await openUnder(folders),
  });
  cleanups.push(() => app.close());
  await app.open(folders);
  const web = await startWebHost({
    dispatch: app.dispatch,
    media: app.media,
    subscribe: app.events.subscribe,
    rendererDir: join(dataDir, 'no-renderer'),
    token,
    onError: (error) => logs.push(String(error)),
  });
  cleanups.push(() => web.close());
  const host = `127.0.0.1:${web.port}`;
  return {
    app,
    web,
    token,
    host,
    logs,
    async call(name, input) {
      const reply = await raw(web.port, {
        method: 'POST',
        path: `/api/${name}`,
        headers: { host, authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
      return { status: reply.status, body: JSON.parse(reply.body) as ApiBody };
    },
  };
}

export interface RawReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One HTTP request with exactly these headers (Host, Cookie, Sec-Fetch-Site… included). */
export function raw(
  port: number,
  options: { method?: string; path: string; headers: Record<string, string>; body?: string | Buffer },
): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers,
        setHost: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** The status line a WebSocket upgrade request gets (`HTTP/1.1 101 …`, `… 403 …`), or `closed`. */
export function upgradeStatus(port: number, path: string, headers: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request({
      host: '127.0.0.1',
      port,
      path,
      setHost: false,
      headers: {
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-version': '13',
        'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
        ...headers,
      },
    });
    req.on('upgrade', (res, socket) => {
      socket.destroy();
      resolve(`HTTP/1.1 ${res.statusCode}`);
    });
    req.on('response', (res) => {
      res.resume();
      resolve(`HTTP/1.1 ${res.statusCode}`);
    });
    req.on('error', (error: NodeJS.ErrnoException) =>
      error.code === 'ECONNRESET' ? resolve('closed') : reject(error),
    );
    req.end();
  });
}

export { cleanups };
