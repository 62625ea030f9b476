import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveMediaPath, unsafePathReason } from '../../../src/main/media/resolve';

let base: string;
let root: string;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'flagdeck-resolve-'));
  root = join(base, 'flagged');
  await mkdir(join(root, 'Input Image', 'abc'), { recursive: true });
  await writeFile(join(root, 'Input Image', 'abc', 'cat.png'), 'png');
  await writeFile(join(base, 'secret.txt'), 'secret');
  await symlink(join(base, 'secret.txt'), join(root, 'leak.txt'));
  await symlink(join(root, 'Input Image'), join(root, 'alias'));
  await symlink(base, join(root, 'up'));
});

afterAll(() => rm(base, { recursive: true, force: true }));

describe('unsafePathReason', () => {
  it.each([
    ['', 'empty path'],
    ['../secret.txt', '".." in path'],
    ['a/../../secret.txt', '".." in path'],
    ['a\\..\\..\\secret.txt', '".." in path'],
    ['/etc/passwd', 'absolute path'],
    ['\\\\server\\share', 'absolute path'],
    ['C:\\Windows\\win.ini', 'absolute path'],
    ['c:/x', 'absolute path'],
    ['a\0b', 'NUL byte in path'],
  ])('refuses %j (%s)', (path, reason) => {
    expect(unsafePathReason(path)).toBe(reason);
  });

  it('accepts names with dots, spaces and unicode', () => {
    expect(unsafePathReason('Input Image/abc/..cat.png')).toBeNull();
    expect(unsafePathReason('👨‍⚕️ Doctor/…/x.wav')).toBeNull();
  });
});

describe('resolveMediaPath', () => {
  it('resolves a file inside the folder', async () => {
    const result = await resolveMediaPath(root, 'Input Image/abc/cat.png');
    expect(result.ok && result.stats.size).toBe(3);
  });

  it('follows a symlink that stays inside', async () => {
    const result = await resolveMediaPath(root, 'alias/abc/cat.png');
    expect(result.ok && result.file).toBe(join(root, 'Input Image', 'abc', 'cat.png'));
  });

  it('refuses a symlink to a file outside with 403, without reading it', async () => {
    expect(await resolveMediaPath(root, 'leak.txt')).toMatchObject({ ok: false, status: 403 });
  });

  it('refuses a symlinked directory leading outside', async () => {
    expect(await resolveMediaPath(root, 'up/secret.txt')).toMatchObject({ ok: false, status: 403 });
  });

  it('refuses traversal before looking at the disk', async () => {
    expect(await resolveMediaPath(root, '../secret.txt')).toMatchObject({ ok: false, status: 403 });
    expect(await resolveMediaPath(root, join(base, 'secret.txt'))).toMatchObject({ ok: false, status: 403 });
  });

  it('answers 404 for missing files and for directories', async () => {
    expect(await resolveMediaPath(root, 'Input Image/abc/dog.png')).toMatchObject({ ok: false, status: 404 });
    expect(await resolveMediaPath(root, 'Input Image')).toMatchObject({ ok: false, status: 404 });
  });
});
