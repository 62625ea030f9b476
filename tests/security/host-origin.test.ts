// Which pages may talk to `flagdeck serve`: the Host header must name us (DNS rebinding), a
// browser's Origin must be ours (cross-site requests and WebSocket hijacking), and media are not
// served to pages of another site, nor of another port of this host (`Sec-Fetch-Site`).
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flaggingFolder, raw, serve, tempDir, upgradeStatus, type Served } from './support';

async function servedWithImage(): Promise<{ served: Served; folderId: string }> {
  const root = await tempDir();
  const folder = await flaggingFolder(root, 'flagged');
  await mkdir(join(folder, 'img'));
  await writeFile(join(folder, 'img', 'a.txt'), 'a file inside the folder\n');
  const served = await serve([folder]);
  const info = (await served.call('workspace.info', {})).body.value as { folders: { id: string }[] };
  return { served, folderId: info.folders[0].id };
}

describe('Host and Origin', () => {
  it('answers 403 to a foreign Host or Origin, with the token, on HTTP and on the upgrade', async () => {
    const { served } = await servedWithImage();
    const { port } = served.web;
    const bearer = { authorization: `Bearer ${served.token}` };
    const foreignHosts = [
      `evil.example:${port}`,
      `127.0.0.1.nip.io:${port}`,
      `127.0.0.1:${port + 1}`,
      '127.0.0.1',
      `localhost.:${port}`,
      `0.0.0.0:${port}`,
      `[::ffff:127.0.0.1]:${port}`,
    ];
    for (const host of foreignHosts) {
      const reply = await raw(port, {
        method: 'POST',
        path: '/api/workspace.info',
        headers: { host, ...bearer },
      });
      expect(reply.status, host).toBe(403);
      expect(await upgradeStatus(port, `/api/events?token=${served.token}`, { host }), host).toBe(
        'HTTP/1.1 403',
      );
    }
    const foreignOrigins = [
      'http://evil.example',
      `http://127.0.0.1:${port + 1}`,
      'null',
      `file://127.0.0.1:${port}`,
      `http://127.0.0.1:${port}.evil.example`,
    ];
    for (const origin of foreignOrigins) {
      const headers = { host: served.host, origin, ...bearer };
      expect((await raw(port, { method: 'POST', path: '/api/workspace.info', headers })).status, origin).toBe(
        403,
      );
      expect(await upgradeStatus(port, `/api/events?token=${served.token}`, headers), origin).toBe(
        'HTTP/1.1 403',
      );
    }
    const ours = { host: served.host, origin: `http://${served.host}`, ...bearer };
    expect((await raw(port, { method: 'POST', path: '/api/workspace.info', headers: ours })).status).toBe(
      200,
    );
    expect(await upgradeStatus(port, '/api/events', ours)).toBe('HTTP/1.1 101');
  });

  it('refuses /media and /thumb to a page of another site or another port (Sec-Fetch-Site)', async () => {
    const { served, folderId } = await servedWithImage();
    const { port } = served.web;
    const cookie = `flagdeck_token_${port}=${served.token}`;
    for (const path of [`/media/${folderId}/img/a.txt`, `/thumb/${folderId}/img/a.txt?w=64`]) {
      for (const site of ['cross-site', 'same-site']) {
        const reply = await raw(port, {
          path,
          headers: { host: served.host, cookie, 'sec-fetch-site': site },
        });
        expect(reply.status, `${path} ${site}`).toBe(403);
      }
    }
    const path = `/media/${folderId}/img/a.txt`;
    for (const site of ['same-origin', 'none', undefined]) {
      const headers: Record<string, string> = { host: served.host, cookie };
      if (site) headers['sec-fetch-site'] = site;
      const reply = await raw(port, { path, headers });
      expect(reply.status, String(site)).toBe(200);
      expect(reply.body).toBe('a file inside the folder\n');
    }
  });
});
