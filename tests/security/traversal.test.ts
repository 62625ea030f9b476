// No byte from outside the opened folders: `..` in every spelling, absolute paths, encoded
// separators, NUL bytes, symlinks out of the folder, over /media, /thumb, media.url and file.reveal.
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flaggingFolder, raw, serve, tempDir } from './support';

const SECRET = 'secret outside the folder';

describe('traversal', () => {
  it('serves files inside the folder and nothing outside it, whatever the spelling', async () => {
    const base = await tempDir();
    await writeFile(join(base, 'secret.txt'), SECRET);
    const folder = await flaggingFolder(base, 'flagged');
    await mkdir(join(folder, 'img'));
    await writeFile(join(folder, 'img', 'ok.txt'), 'inside');
    await symlink(join(base, 'secret.txt'), join(folder, 'img', 'link.txt'));
    await symlink(base, join(folder, 'uplink'));
    await symlink('/', join(folder, 'rootlink'));
    const served = await serve([folder]);
    const info = (await served.call('workspace.info', {})).body.value as { folders: { id: string }[] };
    const id = info.folders[0].id;
    const headers = { host: served.host, authorization: `Bearer ${served.token}` };

    const ok = await raw(served.web.port, { path: `/media/${id}/img/ok.txt`, headers });
    expect(ok.status).toBe(200);
    expect(ok.body).toBe('inside');

    const escapes = [
      '../secret.txt',
      'img/../../secret.txt',
      '..%2Fsecret.txt',
      '%2E%2E/secret.txt',
      '%2e%2e%2fsecret.txt',
      'img%2F..%2F..%2Fsecret.txt',
      '..%5Csecret.txt',
      'img/..%5C..%5Csecret.txt',
      '%2Fetc%2Fpasswd',
      '%2F%2Fetc/passwd',
      'C:%5CWindows%5Cwin.ini',
      'img/ok.txt%00.png',
      'img/link.txt',
      'uplink/secret.txt',
      'rootlink/etc/passwd',
      '....//secret.txt',
      '%252e%252e/secret.txt',
      '%',
      'img/%zz',
    ];
    for (const kind of ['media', 'thumb']) {
      for (const path of escapes) {
        const reply = await raw(served.web.port, { path: `/${kind}/${id}/${path}?w=64`, headers });
        expect([400, 403, 404], `${kind} ${path}`).toContain(reply.status);
        expect(reply.body).not.toContain(SECRET);
        expect(reply.body).not.toContain('root:');
      }
    }
    for (const path of ['../secret.txt', '/etc/passwd', 'a\u0000b', 'img/../../secret.txt']) {
      expect((await served.call('media.url', { folderId: id, path })).status, path).toBe(400);
    }
    expect((await served.call('file.reveal', { folderId: id, path: 'img/link.txt' })).status).not.toBe(200);
    expect(
      (await raw(served.web.port, { path: `/media/${encodeURIComponent(base)}/secret.txt`, headers })).status,
    ).toBe(404);
  });
});
