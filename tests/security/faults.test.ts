// Edits are all or nothing under write faults: a full disk (a small tmpfs, and an injected short
// write), an immutable journal, a journal replaced under the process, one folder of several that
// cannot be written. A failed batch leaves no line that will ever be applied.
import { execFileSync } from 'node:child_process';
import { writeSync } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, statfs, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { JournalWriter, JournalWriteError } from '../../src/main/review/journal-writer';
import { cleanups, flaggingFolder, serve, tempDir, type Served } from './support';

type Row = { id: string; review: { status: string; note: string } };

const journalOf = (folder: string): string => join(folder, '.flagdeck', 'journal.jsonl');
const read = (path: string): Promise<string> => readFile(path, 'utf8').catch(() => '');

async function folderIds(served: Served): Promise<string[]> {
  const info = (await served.call('workspace.info', {})).body.value as { folders: { id: string }[] };
  return info.folders.map((f) => f.id);
}

async function statuses(served: Served): Promise<Record<string, string>> {
  const page = (await served.call('samples.query', { offset: 0, limit: 100 })).body.value as { rows: Row[] };
  return Object.fromEntries(page.rows.map((row) => [row.id, row.review.status]));
}

function tryRun(command: string, args: string[]): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const edit = (served: Served, folderId: string, ids: string[], patch: Record<string, unknown>) =>
  served.call('review.edit', { targets: { samples: ids.map((id) => ({ folderId, id })) }, patch });

describe('journal faults', () => {
  const unlock: string[] = [];
  afterEach(() => {
    for (const path of unlock.splice(0)) tryRun('chattr', ['-i', path]);
  });

  it('disk full on a small tmpfs: the failed bulk edit leaves no line, and is never applied later', async (ctx) => {
    const mountPoint = await tempDir('flagdeck-sec-tmpfs-');
    if (!tryRun('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', mountPoint])) {
      ctx.skip('cannot mount a tmpfs here (needs root); the injected short write below covers the same path');
      return;
    }
    cleanups.push(async () => tryRun('umount', ['-l', mountPoint]));
    const folder = await flaggingFolder(mountPoint, 'flagged', 5);
    const served = await serve([folder]);
    const [id] = await folderIds(served);
    expect((await edit(served, id, ['log.csv#1'], { status: 'keep' })).status).toBe(200);
    const before = await read(journalOf(folder));

    // Leave about 16 KB free: a 3-sample edit with 20 KB notes gets a short write, then ENOSPC.
    const { bavail, bsize } = await statfs(mountPoint);
    await writeFile(join(mountPoint, 'filler'), Buffer.alloc(Math.max(0, bavail * bsize - 16 * 1024)));
    const failed = await edit(served, id, ['log.csv#2', 'log.csv#3', 'log.csv#4'], {
      status: 'drop',
      note: 'n'.repeat(20 * 1024),
    });
    expect(failed.status).toBe(500);
    expect(failed.body.error?.message).toContain('ENOSPC');
    expect(failed.body.error?.message).toContain('nothing of this edit was saved');
    expect(await read(journalOf(folder))).toBe(before);

    await rm(join(mountPoint, 'filler'));
    expect((await edit(served, id, ['log.csv#5'], { status: 'unsure' })).status).toBe(200);
    expect(await statuses(served)).toMatchObject({
      'log.csv#1': 'keep',
      'log.csv#2': 'unreviewed',
      'log.csv#3': 'unreviewed',
      'log.csv#4': 'unreviewed',
      'log.csv#5': 'unsure',
    });
    const reopened = await serve([folder]);
    expect(await statuses(reopened)).toMatchObject({ 'log.csv#2': 'unreviewed', 'log.csv#5': 'unsure' });
  });

  it('an injected short write then ENOSPC: the journal is cut back to the batch start', async () => {
    const path = join(await tempDir(), 'journal.jsonl');
    await writeFile(path, '{"first":"line"}\n');
    let calls = 0;
    const writer = await JournalWriter.open(path, (fd, data, offset, length) => {
      calls += 1;
      if (calls === 1) return writeSync(fd, data, offset, Math.ceil(length / 2));
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    });
    const batch = ['{"a":1}\n', '{"b":2}\n', '{"c":3}\n'].join('');
    const failure = await writer.append(batch).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(JournalWriteError);
    expect((failure as JournalWriteError).kept).toBe(false);
    expect(await readFile(path, 'utf8')).toBe('{"first":"line"}\n');
    await writer.close();
  });

  it('an immutable journal: the edit fails with a clear message, and nothing of it is applied', async (ctx) => {
    const folder = await flaggingFolder(await tempDir(), 'flagged', 3);
    const served = await serve([folder]);
    const [id] = await folderIds(served);
    expect((await edit(served, id, ['log.csv#1'], { status: 'keep' })).status).toBe(200);
    if (!tryRun('chattr', ['+i', journalOf(folder)])) {
      ctx.skip('chattr +i is not available here');
      return;
    }
    unlock.push(journalOf(folder));
    const failed = await edit(served, id, ['log.csv#2', 'log.csv#3'], { status: 'drop' });
    expect(failed.status).toBe(500);
    expect(failed.body.error?.message).toMatch(
      /could not write .*journal\.jsonl \(EPERM\); nothing of this edit was saved/,
    );
    tryRun('chattr', ['-i', journalOf(folder)]);
    expect((await edit(served, id, ['log.csv#3'], { status: 'unsure' })).status).toBe(200);
    expect(await statuses(served)).toEqual({
      'log.csv#1': 'keep',
      'log.csv#2': 'unreviewed',
      'log.csv#3': 'unsure',
    });
  });

  it('a journal replaced under the process: the next edit goes to the new file, which is read whole', async () => {
    const folder = await flaggingFolder(await tempDir(), 'flagged', 3);
    const served = await serve([folder]);
    const [id] = await folderIds(served);
    // Another process's journal, as it will be swapped in: only #2 dropped.
    expect((await edit(served, id, ['log.csv#2'], { status: 'drop' })).status).toBe(200);
    const other = await read(journalOf(folder));
    await writeFile(`${journalOf(folder)}.new`, other);
    expect((await edit(served, id, ['log.csv#1'], { status: 'keep' })).status).toBe(200);
    await rename(`${journalOf(folder)}.new`, journalOf(folder));
    expect((await edit(served, id, ['log.csv#3'], { status: 'unsure' })).status).toBe(200);
    const now = await read(journalOf(folder));
    expect(now.startsWith(other)).toBe(true);
    expect(now).toContain('"log.csv#3"');
    expect(await statuses(served)).toEqual({
      'log.csv#1': 'unreviewed',
      'log.csv#2': 'drop',
      'log.csv#3': 'unsure',
    });
    // Deleted under the process: the next edit makes a new one.
    await rm(journalOf(folder));
    expect((await edit(served, id, ['log.csv#1'], { status: 'drop' })).status).toBe(200);
    expect((await stat(journalOf(folder))).size).toBeGreaterThan(0);
  });

  it('a bulk edit over two folders, one unwritable: says which part was saved, and undo takes it back', async () => {
    const base = await tempDir();
    const a = await flaggingFolder(base, 'a', 2);
    const b = await flaggingFolder(base, 'b', 2);
    const served = await serve([a, b]);
    const [idA, idB] = await folderIds(served);
    // B's journal becomes a directory: it can be neither read nor appended to.
    await rm(journalOf(b));
    await mkdir(journalOf(b));
    cleanups.push(() => rm(journalOf(b), { recursive: true, force: true }));
    const failed = await served.call('review.edit', { targets: { filter: {} }, patch: { status: 'keep' } });
    expect(failed.status).toBe(500);
    const message = failed.body.error?.message ?? '';
    expect(message).toContain(`the edit was saved only in part: saved in ${a} (2 sample(s)`);
    expect(message).toContain(`not saved in ${b}`);
    const page = (await served.call('samples.query', { offset: 0, limit: 10 })).body.value as {
      rows: (Row & { folderId: string })[];
    };
    const byFolder = (folderId: string) =>
      page.rows.filter((r) => r.folderId === folderId).map((r) => r.review.status);
    expect(byFolder(idA)).toEqual(['keep', 'keep']);
    expect(byFolder(idB)).toEqual(['unreviewed', 'unreviewed']);
    const undo = await served.call('review.undo', {});
    expect(undo.status).toBe(200);
    expect((undo.body.value as { editId: string | null }).editId).not.toBeNull();
    const after = (await served.call('samples.query', { offset: 0, limit: 10 })).body.value as {
      rows: Row[];
    };
    expect(after.rows.map((r) => r.review.status)).toEqual([
      'unreviewed',
      'unreviewed',
      'unreviewed',
      'unreviewed',
    ]);
  });
});
