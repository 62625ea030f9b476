// The one walk of a folder a census makes: every name, but Gradio's hash directories listed and not
// read (their files are looked up by the name a reference gives), and what it can then tell.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FolderListing } from '../../../src/main/gradio/folder-listing';

const HASH = '0a1b2c3d4e5f60718293';
const OTHER_HASH = 'ffffffffffffffffffffffffffffffffffffffff';

function folderWith(files: string[]): string {
  const folder = join(mkdtempSync(join(tmpdir(), 'flagdeck-listing-')), 'flagged');
  for (const file of files) {
    mkdirSync(join(folder, file, '..'), { recursive: true });
    writeFileSync(join(folder, file), 'x');
  }
  return folder;
}

describe('FolderListing', () => {
  it('lists hash directories without reading them', () => {
    const folder = folderWith(['log.csv', `image/${HASH}/a.png`, `image/${OTHER_HASH}/b.png`, 'Label/0.png']);
    const listing = FolderListing.of(folder);
    expect(listing.directories.map((walked) => walked.relative).sort()).toEqual(['', 'Label', 'image']);
    // Not every name is known: no fingerprint (a census is not kept), no names for the scan.
    expect(listing.complete).toBe(false);
    expect(listing.symlinkFree).toBe(true);
    expect(listing.fingerprint).toBeNull();
    expect(listing.everyName()).toBeNull();
  });

  it('may hold what a reference into a hash directory names, whatever its name', () => {
    const listing = FolderListing.of(folderWith([`image/${HASH}/a.png`, 'Label/0.png']));
    for (const ref of [
      `flagged/image/${HASH}/a.png`,
      `image/${HASH}/anything.png`,
      `C:\\demo\\flagged\\image\\${HASH.toUpperCase()}\\a.png`,
      'Label/0.png',
      'elsewhere/0.png',
    ])
      expect(listing.mayHold(ref), ref).toBe(true);
    for (const ref of [
      'image/cccccccccccccccccccc/a.png',
      `image/${HASH}`.replace('0a', '0b') + '/a.png',
      'x/1.png',
    ])
      expect(listing.mayHold(ref), ref).toBe(false);
  });

  it('knows every name of a folder without hash directories, and their fingerprint', () => {
    const folder = folderWith(['log.csv', 'Upload Image/0.png']);
    const listing = FolderListing.of(folder);
    expect(listing.complete).toBe(true);
    expect(listing.everyName()).toEqual(
      expect.arrayContaining(['log.csv', 'Upload Image', '0.png', 'upload image']),
    );
    expect(listing.mayHold('flagged/Upload Image/0.png')).toBe(true);
    expect(listing.mayHold('flagged/Upload Image/1.png')).toBe(false);
    const before = listing.fingerprint;
    expect(before).toMatch(/^[0-9a-f]{64}$/);
    expect(FolderListing.of(folder).fingerprint).toBe(before);
    writeFileSync(join(folder, 'Upload Image', '1.png'), 'x');
    expect(FolderListing.of(folder).fingerprint).not.toBe(before);
  });
});
