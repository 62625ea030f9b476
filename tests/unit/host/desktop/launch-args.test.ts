import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { foldersFromArgv } from '../../../../src/main/host/desktop/launch-args';

describe('foldersFromArgv', () => {
  const cwd = resolve('/home/me/demo');

  it('skips the app path when unpackaged, and switches', () => {
    expect(foldersFromArgv(['/x/electron', '.', '--inspect=0', 'flagged'], false, cwd)).toEqual([
      join(cwd, 'flagged'),
    ]);
  });

  it('takes every argument after the executable when packaged, keeping absolute paths', () => {
    const other = resolve('/data/other');
    expect(foldersFromArgv(['/opt/Flagdeck/flagdeck', 'a', other, '--no-sandbox'], true, cwd)).toEqual([
      join(cwd, 'a'),
      other,
    ]);
  });

  it('skips the app path after switches placed before it (Playwright, inspectors)', () => {
    expect(
      foldersFromArgv(
        ['/x/electron', '--inspect=0', '--remote-debugging-port=0', '/repo', 'flagged'],
        false,
        cwd,
      ),
    ).toEqual([join(cwd, 'flagged')]);
  });

  it('gives nothing without folders', () => {
    expect(foldersFromArgv(['/x/electron', '.'], false, cwd)).toEqual([]);
    expect(foldersFromArgv(['/opt/Flagdeck/flagdeck'], true, cwd)).toEqual([]);
  });
});
