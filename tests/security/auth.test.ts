// Who may talk to `flagdeck serve`: only holders of the token, and no request, whatever it carries,
// ends the process (the probe's cookie `%` on a WebSocket upgrade used to).
import { networkInterfaces } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { serveCommand } from '../../src/main/cli/serve';
import { startWebHost } from '../../src/main/host/web';
import { raw, serve, flaggingFolder, tempDir, upgradeStatus } from './support';
import { cliBuilt, startServe, type ServeHandle } from './serve-process';

const malformedCookies = ['%', '%zz', '%E0%A4%A', 'abc%', '%%%%', '%C0%AF'];

describe('auth: the token', () => {
  it('answers 401 to every route without the right token, by header, query or cookie', async () => {
    const root = await tempDir();
    const served = await serve([await flaggingFolder(root, 'flagged')]);
    const { port } = served.web;
    const cookie = `flagdeck_token_${port}`;
    const wrong: Record<string, string>[] = [
      {},
      { authorization: 'Bearer ' },
      { authorization: `Bearer ${served.token.slice(0, -1)}` },
      { authorization: `Bearer ${served.token}x` },
      { authorization: `Basic ${served.token}` },
      { cookie: `${cookie}=${served.token.toUpperCase()}` },
      { cookie: `flagdeck_token_${port + 1}=${served.token}` },
    ];
    for (const headers of wrong) {
      for (const path of ['/', '/api/workspace.info', '/media/x/log.csv', '/thumb/x/a.png?w=64']) {
        const method = path.startsWith('/api/') ? 'POST' : 'GET';
        const reply = await raw(port, { method, path, headers: { host: served.host, ...headers } });
        expect(reply.status, `${path} ${JSON.stringify(headers)}`).toBe(401);
      }
    }
    const right = await raw(port, {
      method: 'POST',
      path: '/api/workspace.info',
      headers: { host: served.host, cookie: `other=1; ${cookie}=${encodeURIComponent(served.token)}` },
    });
    expect(right.status).toBe(200);
  });

  it('answers a malformed cookie with 401, over HTTP and on the WebSocket upgrade, and keeps serving', async () => {
    const root = await tempDir();
    const served = await serve([await flaggingFolder(root, 'flagged')]);
    const { port } = served.web;
    for (const value of malformedCookies) {
      const cookie = `flagdeck_token_${port}=${value}`;
      const reply = await raw(port, {
        method: 'POST',
        path: '/api/workspace.info',
        headers: { host: served.host, cookie },
      });
      expect(reply.status, value).toBe(401);
      // Without a token in the request the socket is opened but admitted only after a token message.
      expect(await upgradeStatus(port, '/api/events', { host: served.host, cookie })).toMatch(
        /^HTTP\/1.1 101|^closed$/,
      );
    }
    expect((await served.call('workspace.info', {})).status).toBe(200);
  });

  it('refuses a FLAGDECK_TOKEN shorter than 32 characters, saying so', async () => {
    const previous = process.env.FLAGDECK_TOKEN;
    try {
      process.env.FLAGDECK_TOKEN = 'x';
      await expect(serveCommand.run(['--port', '0'])).rejects.toThrow(
        'FLAGDECK_TOKEN has 1 characters; use at least 32',
      );
      process.env.FLAGDECK_TOKEN = 'a'.repeat(31);
      await expect(serveCommand.run(['--port', '0'])).rejects.toThrow('FLAGDECK_TOKEN has 31 characters');
    } finally {
      if (previous === undefined) delete process.env.FLAGDECK_TOKEN;
      else process.env.FLAGDECK_TOKEN = previous;
    }
    const host = {
      dispatch: async () => ({ ok: true as const, value: {} }),
      subscribe: () => () => undefined,
    };
    await expect(
      startWebHost({ ...host, media: {} as never, rendererDir: '.', token: 'short' }),
    ).rejects.toThrow('use at least 32');
  });
});

describe.skipIf(!cliBuilt)(
  'auth: the real serve process survives every bad request (needs `npm run build`)',
  () => {
    let server: ServeHandle | undefined;
    afterEach(async () => {
      await server?.stop();
      server = undefined;
    });

    it('on 127.0.0.1 and, bound to 0.0.0.0, under every name of this machine', async () => {
      const root = await tempDir();
      const folder = await flaggingFolder(root, 'flagged');
      for (const bind of ['127.0.0.1', '0.0.0.0']) {
        server = await startServe([folder], { args: ['--host', bind] });
        const { port } = server;
        const names = ['127.0.0.1', 'localhost'];
        if (bind === '0.0.0.0') {
          for (const list of Object.values(networkInterfaces()))
            for (const net of list ?? [])
              names.push(net.family === 'IPv6' ? `[${net.address}]` : net.address);
        }
        for (const name of names) {
          const host = `${name}:${port}`;
          for (const value of malformedCookies) {
            const cookie = `flagdeck_token_${port}=${value}`;
            expect(await upgradeStatus(port, '/api/events', { host, cookie })).toMatch(
              /^HTTP\/1.1 101|^closed$/,
            );
            expect((await raw(port, { path: '/', headers: { host, cookie } })).status).toBe(401);
          }
          expect(await upgradeStatus(port, '/elsewhere', { host })).toBe('HTTP/1.1 404');
          expect(await upgradeStatus(port, '/api/events', { host: `evil.example:${port}` })).toBe(
            'HTTP/1.1 403',
          );
        }
        const alive = await raw(port, {
          method: 'POST',
          path: '/api/workspace.info',
          headers: { host: `127.0.0.1:${port}`, authorization: `Bearer ${server.token}` },
        });
        expect(alive.status, server.output()).toBe(200);
        await server.stop();
        server = undefined;
      }
    });
  },
);
