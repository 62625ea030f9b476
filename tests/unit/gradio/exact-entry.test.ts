// A hash directory's entry looked up by its exact name, where the file system tells names apart by
// case; where it cannot be told, nothing is answered (the directory's listing is read instead).
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExactLookup, NOT_THERE } from '../../../src/main/gradio/exact-entry';

function hashDir(name: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'flagdeck-exact-')), name);
  mkdirSync(join(dir, 'sub'), { recursive: true });
  writeFileSync(join(dir, 'a.png'), 'png');
  symlinkSync(join(dir, 'a.png'), join(dir, 'link.png'));
  return dir;
}

describe('ExactLookup', () => {
  it('finds an entry by its exact name, and tells its type', () => {
    const dir = hashDir('0a1b2c3d4e5f60718293');
    const lookup = new ExactLookup();
    expect(lookup.entry(dir, 'a.png')).toEqual({ link: false, directory: false });
    expect(lookup.entry(dir, 'sub')).toEqual({ link: false, directory: true });
    expect(lookup.entry(dir, 'link.png')).toEqual({ link: true, directory: false });
    // Not there as written (perhaps loosely: the listing tells), or no plain entry name.
    for (const name of ['A.png', 'gone.png']) expect(lookup.entry(dir, name), name).toBe(NOT_THERE);
    for (const name of ['..', '.', 'sub/../a.png']) expect(lookup.entry(dir, name), name).toBeUndefined();
  });

  it('answers nothing until the case of names can be told, nor where it cannot', () => {
    const lookup = new ExactLookup();
    // No letter in the directory's name to tell by: undecided, asked again at the next directory.
    expect(lookup.entry(hashDir('01234567890123456789'), 'a.png')).toBeUndefined();
    expect(lookup.entry(hashDir('abcdef01234567890123'), 'a.png')).toEqual({ link: false, directory: false });
    // The name in capitals is another directory here: taken as a file system that ignores case.
    const twin = hashDir('fedcba98765432109876');
    mkdirSync(join(twin, '..', 'FEDCBA98765432109876'));
    const unsure = new ExactLookup();
    expect(unsure.entry(twin, 'a.png')).toBeUndefined();
    expect(unsure.entry(hashDir('abcdef01234567890123'), 'a.png')).toBeUndefined();
  });
});
