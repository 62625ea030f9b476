import { request } from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createDispatch } from '../../../src/main/app/dispatch';
import { startWebHost, type WebHost } from '../../../src/main/host/web';
import type { EventListener } from '../../../src/main/host/web-events';
import { createMediaService } from '../../../src/main/media/service';
import { createThumbnailer } from '../../../src/main/media/thumbs';
import { TAB_HEADER } from '../../../src/shared/tab-session';
import { fakeHandlers } from './doubles';

let base: string;
let host: WebHost;
const listeners = new Set<EventListener>();
const handled: Parameters<typeof fakeHandlers>[0] = [];
const token = 'test-token-123-test-token-123-test-token';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: host.port, path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        let body = '';
        res.setEncoding('latin1');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const auth = { Authorization: `Bearer ${token}` };
const call = (name: string, body: string, headers: Record<string, string> = auth) =>
  send(`/api/${name}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'flagdeck-web-'));
  const renderer = join(base, 'renderer');
  await mkdir(join(renderer, 'assets'), { recursive: true });
  await writeFile(join(renderer, 'index.html'), '<!doctype html><title>Flagdeck</title>');
  await writeFile(join(renderer, 'assets', 'app.js'), 'console.log(1)');
  const folder = join(base, 'flagged');
  await mkdir(join(folder, 'audio'), { recursive: true });
  await writeFile(
    join(folder, 'audio', 'a b.wav'),
    Buffer.concat([Buffer.from('RIFF\0\0\0\0WAVE'), Buffer.alloc(100)]),
  );
  await writeFile(join(base, 'secret.txt'), 'CONTENT-OF-SECRET');
  host = await startWebHost({
    dispatch: createDispatch(fakeHandlers(handled)),
    media: createMediaService(
      (id) => (id === 'f1' ? { root: folder, readOnly: false } : undefined),
      createThumbnailer({ fallbackDir: join(base, 'thumbs') }),
    ),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    rendererDir: renderer,
    token,
  });
});

afterAll(async () => {
  await host.close();
  await rm(base, { recursive: true, force: true });
});

describe('web host: who may ask', () => {
  it('binds 127.0.0.1 and announces the URL with the token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${token}`);
  });

  it('answers 401 without the token, on every route', async () => {
    for (const path of ['/', '/assets/app.js', '/media/f1/audio/a%20b.wav']) {
      const reply = await send(path);
      expect(reply.status, path).toBe(401);
      expect(reply.body).toContain('?token=');
    }
    expect((await call('workspace.info', '{}', {})).status).toBe(401);
    expect((await call('workspace.info', '{}', { Authorization: 'Bearer wrong' })).status).toBe(401);
  });

  it('answers 403 to a foreign Host or Origin header, token or not', async () => {
    expect((await send('/', { headers: { ...auth, Host: 'evil.example:80' } })).status).toBe(403);
    expect((await send('/', { headers: { Host: `attacker.test:${host.port}` } })).status).toBe(403);
    const origin = await call('workspace.info', '{}', { ...auth, Origin: 'http://evil.example' });
    expect(origin.status).toBe(403);
    expect((await send('/', { headers: { ...auth, Host: `localhost:${host.port}` } })).status).toBe(200);
  });

  it('serves the page for ?token= and leaves a cookie for its assets', async () => {
    const page = await send(`/?token=${token}`);
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    const cookie = String(page.headers['set-cookie']).split(';')[0];
    expect(cookie).toBe(`flagdeck_token_${host.port}=${token}`);
    const asset = await send('/assets/app.js', { headers: { Cookie: cookie } });
    expect([asset.status, asset.headers['content-type'], asset.body]).toEqual([
      200,
      'text/javascript; charset=utf-8',
      'console.log(1)',
    ]);
    expect((await send('/assets/missing.js', { headers: { Cookie: cookie } })).status).toBe(404);
  });
});

describe('web host: API', () => {
  it('runs a call and returns the envelope', async () => {
    const reply = await call('samples.query', '{"offset": 3, "limit": 10}');
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ ok: true, value: { total: 3, rows: [] } });
  });

  it('answers a malformed call with a clear 400, never a crash', async () => {
    const invalid = await call('samples.query', '{"offset": "zero", "limit": 10}');
    expect(invalid.status).toBe(400);
    expect(JSON.parse(invalid.body).error).toMatchObject({
      code: 'invalid-input',
      issues: [{ path: 'offset' }],
    });
    const notJson = await call('samples.query', '{offset: 1');
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.body).error.message).toMatch(/^the body of \/api\/samples\.query is not JSON/);
    expect((await call('nope.nothing', '{}')).status).toBe(404);
    expect((await send('/api/workspace.info', { headers: auth })).status).toBe(405);
    expect((await call('workspace.pickFolder', '{}')).status).toBe(501);
    expect((await call('samples.get', '{"folderId":"f","id":"log.csv#1"}')).status).toBe(500);
    expect((await call('workspace.info', '')).status).toBe(200);
  });

  it("passes a tab's id on as the caller's session (its own undo history); a malformed id is dropped", async () => {
    const undo = async (tab?: string) => {
      handled.length = 0;
      await call('review.undo', '{}', tab === undefined ? auth : { ...auth, [TAB_HEADER]: tab });
      return handled.find((h) => h.name === 'review.undo')?.caller;
    };
    expect(await undo('0f3a9c2e-7b1d-4e5f-9a8b-1c2d3e4f5a6b')).toEqual({
      session: 'tab:0f3a9c2e-7b1d-4e5f-9a8b-1c2d3e4f5a6b',
    });
    expect(await undo('../../etc')).toEqual({ session: undefined });
    expect(await undo()).toEqual({ session: undefined });
  });
});

describe('web host: media', () => {
  it('serves media with the token as a query parameter, with ranges', async () => {
    const reply = await send(`/media/f1/audio/a%20b.wav?token=${token}`, {
      headers: { Range: 'bytes=8-11' },
    });
    expect([reply.status, reply.headers['content-range'], reply.body]).toEqual([
      206,
      'bytes 8-11/112',
      'WAVE',
    ]);
    expect(reply.headers['content-type']).toBe('audio/wav');
    const head = await send(`/media/f1/audio/a%20b.wav?token=${token}`, { method: 'HEAD' });
    expect([head.status, head.headers['content-length'], head.body]).toEqual([200, '112', '']);
  });

  it('refuses traversal, raw or percent-encoded', async () => {
    for (const path of [
      '/media/f1/../secret.txt',
      '/media/f1/%2e%2e/secret.txt',
      '/media/f1/..%2Fsecret.txt',
      '/media/f1/%2Fetc%2Fpasswd',
    ]) {
      const reply = await send(path, { headers: auth });
      expect(reply.status, path).toBe(403);
      expect(reply.body).not.toContain('CONTENT-OF-SECRET');
    }
    expect((await send('/media/f1/%E0%A4%A', { headers: auth })).status).toBe(400);
    expect((await send('/media/other/audio/a%20b.wav', { headers: auth })).status).toBe(404);
  });
});

function openSocket(
  url: string,
): Promise<{ socket: WebSocket; messages: unknown[]; closed: Promise<number> }> {
  const socket = new WebSocket(url, { headers: { Host: `127.0.0.1:${host.port}` } });
  const messages: unknown[] = [];
  socket.on('message', (data) => messages.push(JSON.parse(String(data))));
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve({ socket, messages, closed }));
    socket.once('error', reject);
  });
}

const until = async (check: () => boolean, ms = 2000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

const emit = (event: 'logAdded', payload: unknown) => listeners.forEach((l) => l(event, payload));

describe('web host: events over a real WebSocket', () => {
  it('delivers events to a socket with ?token=', async () => {
    const { socket, messages } = await openSocket(`ws://127.0.0.1:${host.port}/api/events?token=${token}`);
    await until(() => messages.length === 1);
    emit('logAdded', { folderId: 'f1', file: 'dataset2.csv' });
    await until(() => messages.length === 2);
    expect(messages).toEqual([
      { ready: true },
      { event: 'logAdded', payload: { folderId: 'f1', file: 'dataset2.csv' } },
    ]);
    socket.close();
  });

  it('accepts the token as the first message', async () => {
    const { socket, messages } = await openSocket(`ws://127.0.0.1:${host.port}/api/events`);
    socket.send(JSON.stringify({ token }));
    await until(() => messages.length === 1);
    emit('logAdded', { folderId: 'f1', file: 'x.csv' });
    await until(() => messages.length === 2);
    socket.close();
  });

  it('closes a socket that sends the wrong token, having sent it nothing', async () => {
    const { socket, messages, closed } = await openSocket(`ws://127.0.0.1:${host.port}/api/events`);
    socket.send(JSON.stringify({ token: 'guess' }));
    expect(await closed).toBe(4401);
    expect(messages).toEqual([]);
  });

  it('refuses the upgrade from a foreign origin', async () => {
    const socket = new WebSocket(`ws://127.0.0.1:${host.port}/api/events?token=${token}`, {
      origin: 'http://evil.example',
    });
    const status = await new Promise<number | string>((resolve) => {
      socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      socket.on('error', (error) => resolve(error.message));
    });
    expect(String(status)).toMatch(/403/);
  });
});
