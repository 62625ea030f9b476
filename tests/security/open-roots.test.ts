// What `flagdeck serve` may open: the folders named on its command line and folders under them,
// judged by real path (a symlink under a root that leads out is refused); nothing is written into
// a folder before a flagging log was found there; a failed open leaves no trace.
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serveCommand } from '../../src/main/cli/serve';
import { createWorkspace } from '../../src/main/workspace/workspace';
import { flaggingFolder, LOG_HEADER, raw, serve, tempDir } from './support';

type Info = { folders: { id: string; path: string }[] };

describe('open roots', () => {
  it('opens folders under its roots only, and serves nothing of a refused one', async () => {
    const base = await tempDir();
    const root = await flaggingFolder(base, 'root');
    const inner = await flaggingFolder(root, 'inner');
    const outside = await flaggingFolder(base, 'outside');
    await symlink(outside, join(root, 'link-out'));
    await symlink('/', join(root, 'rootlink'));
    const served = await serve([root]);

    for (const path of [
      '/etc',
      '/',
      outside,
      join(root, 'link-out'),
      join(root, 'rootlink', 'etc'),
      `${root}/../outside`,
    ]) {
      const reply = await served.call('workspace.open', { paths: [path] });
      expect(reply.status, path).toBe(403);
      expect(reply.body.error?.message).toContain('outside the folders this server may open');
      expect(reply.body.error?.message).toContain('--allow-open-anywhere');
    }
    // One refused path refuses the whole call: nothing of it is opened.
    expect((await served.call('workspace.open', { paths: [inner, '/etc'] })).status).toBe(403);
    let info = (await served.call('workspace.info', {})).body.value as Info;
    expect(info.folders.map((f) => f.path)).toEqual([root]);
    expect(existsSync(join(outside, '.flagdeck'))).toBe(false);

    // Inside the roots, but its log already belongs to the open root (one log, one folder, one journal).
    const opened = await served.call('workspace.open', { paths: [inner] });
    expect(opened.status).toBe(400);
    expect(opened.body.error?.message).toBe(`${inner}: its flagging logs are already open, in ${root}`);
    info = (await served.call('workspace.info', {})).body.value as Info;
    expect(info.folders.map((f) => f.path)).toEqual([root]);

    // /media of a refused folder: no folder id names it.
    const passwd = await raw(served.web.port, {
      path: `/media/${encodeURIComponent('/etc')}/passwd`,
      headers: { host: served.host, authorization: `Bearer ${served.token}` },
    });
    expect(passwd.status).toBe(404);
    expect(served.logs.join('\n')).not.toMatch(/\n\s+at /);
  });

  it('lists only recent folders it may open', async () => {
    const base = await tempDir();
    const root = await flaggingFolder(base, 'root');
    const outside = await flaggingFolder(base, 'outside');
    const dataDir = await tempDir();
    const anywhere = await serve([root], { anywhere: true, dataDir });
    expect((await anywhere.call('workspace.open', { paths: [outside] })).status).toBe(200);
    const recentAnywhere = (await anywhere.call('workspace.recent', {})).body.value as { paths: string[] };
    expect(recentAnywhere.paths).toEqual(expect.arrayContaining([root, outside]));
    const rooted = await serve([root], { dataDir });
    const recentRooted = (await rooted.call('workspace.recent', {})).body.value as { paths: string[] };
    expect(recentRooted.paths).toEqual([root]);
  });

  it('--allow-open-anywhere: off by default, refused with a non-loopback --host unless given twice', async () => {
    const previous = process.env.FLAGDECK_TOKEN;
    delete process.env.FLAGDECK_TOKEN;
    try {
      await expect(
        serveCommand.run(['--host', '0.0.0.0', '--allow-open-anywhere', '--port', '0']),
      ).rejects.toThrow('give --allow-open-anywhere twice');
    } finally {
      if (previous !== undefined) process.env.FLAGDECK_TOKEN = previous;
    }
  });

  it('writes nothing into a folder without a flagging log, and says why it was not opened', async () => {
    const base = await tempDir();
    const empty = join(base, 'empty');
    await mkdir(join(empty, 'sub'), { recursive: true });
    await writeFile(join(empty, 'notes.txt'), 'not a log\n');
    const served = await serve([await flaggingFolder(base, 'flagged')], { anywhere: true });
    const reply = await served.call('workspace.open', { paths: [empty] });
    expect(reply.status).toBe(404);
    expect(reply.body.error?.message).toContain('no flagging log in this folder');
    expect(existsSync(join(empty, '.flagdeck'))).toBe(false);
    expect((await served.call('workspace.open', { paths: [join(base, 'missing')] })).status).toBe(404);
    const info = (await served.call('workspace.info', {})).body.value as Info;
    expect(info.folders).toHaveLength(1);
  });

  it('a folder that fails to open leaves no trace in workspace.info nor in the recent list', async () => {
    const base = await tempDir();
    const folder = await flaggingFolder(base, 'flagged');
    const recentFile = join(base, 'recent.json');
    const denied = Object.assign(
      new Error(`EACCES: permission denied, open '${folder}/.flagdeck/journal.jsonl'`),
      {
        code: 'EACCES',
      },
    );
    const ws = createWorkspace({
      emit: () => undefined,
      recentFile,
      reviewStoreFor: () => Promise.reject(denied),
    });
    try {
      await expect(ws.open([folder])).rejects.toThrow('EACCES');
      expect(ws.info().folders).toEqual([]);
      expect(existsSync(recentFile)).toBe(false);
    } finally {
      await ws.dispose();
    }
  });

  it.skipIf(process.getuid?.() === 0)(
    'an unreadable folder answers 403 and leaves no trace (not as root)',
    async () => {
      const base = await tempDir();
      const locked = join(base, 'locked');
      await mkdir(locked);
      await writeFile(join(locked, 'log.csv'), `${LOG_HEADER}a,,,2026-11-25 10:00:00\r\n`);
      await chmod(locked, 0);
      try {
        const served = await serve([await flaggingFolder(base, 'flagged')], { anywhere: true });
        const reply = await served.call('workspace.open', { paths: [locked] });
        expect(reply.status).toBe(403);
        const info = (await served.call('workspace.info', {})).body.value as Info;
        expect(info.folders).toHaveLength(1);
      } finally {
        await chmod(locked, 0o755);
      }
      expect(await readFile(join(locked, 'log.csv'), 'utf8')).toContain('a,,,');
    },
  );
});
