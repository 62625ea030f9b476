// The serve host as a browser and other local programs meet it: token, Host checks, the API's
// error answers, media routes, events, and the page itself (on the bundled sample folder).
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import type { QueryResult } from '../../src/shared/api';
import { appendToLog, copyFolder, expect, fixture, removeCopy, startServe, test } from './support';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw request: no URL normalisation, any Host header (what fetch and browsers will not send). */
function raw(
  port: number,
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
  body?: string,
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

test.describe('flagdeck serve with no folder (the bundled sample)', () => {
  test('opens the sample folder', async ({ server, request }) => {
    const reply = await request.post(`${server.origin}/api/workspace.info`, {
      headers: { Authorization: `Bearer ${server.token}` },
      data: {},
    });
    expect(reply.status()).toBe(200);
    const body = (await reply.json()) as {
      ok: boolean;
      value: { folders: { path: string; logs: { file: string }[] }[] };
    };
    expect(body.ok).toBe(true);
    expect(body.value.folders).toHaveLength(1);
    expect(body.value.folders[0].path).toMatch(/resources\/sample$/);
    expect(body.value.folders[0].logs.map((l) => l.file)).toEqual(['dataset1.csv']);
  });

  test('refuses every route without the token (401)', async ({ server }) => {
    for (const path of ['/', '/index.html', '/media/x/a.png', '/thumb/x/a.png?w=64']) {
      expect((await raw(server.port, path)).status, path).toBe(401);
    }
    const call = await raw(
      server.port,
      '/api/workspace.info',
      { 'Content-Type': 'application/json' },
      'POST',
      '{}',
    );
    expect(call.status).toBe(401);
    const wrong = await raw(
      server.port,
      '/api/workspace.info',
      { Authorization: 'Bearer nope' },
      'POST',
      '{}',
    );
    expect(wrong.status).toBe(401);
  });

  test('refuses a foreign Host header (403), even with the token', async ({ server }) => {
    const reply = await raw(server.port, `/?token=${server.token}`, {
      Host: `rebound.example:${server.port}`,
    });
    expect(reply.status).toBe(403);
    const api = await raw(
      server.port,
      '/api/workspace.info',
      { Host: 'evil.test', Authorization: `Bearer ${server.token}` },
      'POST',
      '{}',
    );
    expect(api.status).toBe(403);
  });

  test('answers a malformed call with a clear 400', async ({ server }) => {
    const auth = { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' };
    const invalid = await raw(server.port, '/api/samples.query', auth, 'POST', '{"offset": -5, "limit": 50}');
    expect(invalid.status).toBe(400);
    const body = JSON.parse(invalid.body) as {
      ok: boolean;
      error: { code: string; message: string; issues: { path: string }[] };
    };
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe('invalid-input');
    expect(body.error.message).toContain('samples.query');
    expect(body.error.issues.map((i) => i.path)).toEqual(['offset']);
    const notJson = await raw(server.port, '/api/samples.query', auth, 'POST', '{"offset":');
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.body).error.message).toContain('not JSON');
    expect((await raw(server.port, '/api/no.such', auth, 'POST', '{}')).status).toBe(404);
  });

  test('serves media with ranges and thumbnails, and refuses traversal', async ({ server, request }) => {
    const post = async <T>(name: string, data: unknown): Promise<T> => {
      const reply = await request.post(`${server.origin}/api/${name}`, {
        headers: { Authorization: `Bearer ${server.token}` },
        data,
      });
      return ((await reply.json()) as { value: T }).value;
    };
    const { rows } = await post<QueryResult>('samples.query', { offset: 0, limit: 10 });
    const assets = rows.flatMap((row) => row.cells.flatMap((cell) => cell.assets));
    const audio = assets.find((a) => a.media === 'audio' && a.status === 'resolved');
    const image = assets.find((a) => a.media === 'image' && a.status === 'resolved');
    expect(audio?.path).toMatch(/tone\.wav$/);
    expect(image?.path).toBeTruthy();
    const folderId = rows[0].folderId;
    const id = encodeURIComponent(folderId);
    const token = `token=${server.token}`;
    const at = (path = '') => path.split('/').map(encodeURIComponent).join('/');

    const wav = await raw(server.port, `/media/${id}/${at(audio?.path)}?${token}`, { Range: 'bytes=0-3' });
    expect([wav.status, wav.headers['content-type'], wav.body]).toEqual([206, 'audio/wav', 'RIFF']);

    const thumb = await request.get(`${server.origin}/thumb/${id}/${at(image?.path)}?w=64&${token}`);
    expect(thumb.status()).toBe(200);
    expect(thumb.headers()['content-type']).toBe('image/webp');

    const { url } = await post<{ url: string }>('media.url', { folderId, path: image?.path, thumb: 64 });
    expect((await request.get(`${server.origin}${url}`)).status()).toBe(200);

    for (const path of [
      `/media/${id}/../../../etc/passwd`,
      `/media/${id}/..%2F..%2Fdataset1.csv`,
      `/media/${id}/%2Fetc%2Fpasswd`,
    ]) {
      const reply = await raw(server.port, `${path}?${token}`);
      expect(reply.status, path).toBe(403);
      expect(reply.body).not.toContain('root:');
    }
    expect((await raw(server.port, `/media/${id}/no/such.png?${token}`)).status).toBe(404);
  });

  test('the page loads with the token, shows the app, and receives events', async ({ server, page }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(server.url);
    await expect(page).toHaveTitle('Flagdeck');
    await expect(page.locator('#root')).not.toBeEmpty();
    // The token leaves the address bar but stays for the tab, so a reload still works.
    expect(page.url()).not.toContain('token=');
    await page.reload();
    await expect(page.locator('#root')).not.toBeEmpty();
    const ready = await page.evaluate(async (host) => {
      const token = sessionStorage.getItem('flagdeck.token');
      const socket = new WebSocket(`ws://${host}/api/events?token=${token}`);
      return new Promise<string>((resolve) => {
        socket.onmessage = (message) => resolve(String(message.data));
        socket.onclose = (event) => resolve(`closed ${event.code}`);
      });
    }, new URL(server.origin).host);
    expect(JSON.parse(ready)).toEqual({ ready: true });
    expect(errors).toEqual([]);
  });
});

test('flagdeck serve pushes rows Gradio appends to an events socket that sent its token first', async () => {
  const folder = await copyFolder(fixture('gradio', '5.50.0', 'flagging_options', '.gradio', 'flagged'));
  const server = await startServe([folder]);
  try {
    const socket = new WebSocket(`ws://127.0.0.1:${server.port}/api/events`);
    const messages: { ready?: boolean; event?: string; payload?: { file: string; ids: string[] } }[] = [];
    socket.on('message', (data) => messages.push(JSON.parse(String(data))));
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ token: server.token }));
    await expect.poll(() => messages.some((m) => m.ready)).toBe(true);
    await appendToLog(join(folder, 'dataset1.csv'), ['Live question,,42,wrong,2026-11-25 13:00:00.000000']);
    await expect
      .poll(() => messages.find((m) => m.event === 'rowsAppended')?.payload, { timeout: 10_000 })
      .toEqual({ folderId: expect.any(String), file: 'dataset1.csv', ids: ['dataset1.csv#5'] });
    socket.close();
  } finally {
    await server.stop();
    await removeCopy(folder);
  }
});
