import { chmod, mkdir, readdir, realpath, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, locateReview } from '../../../src/main/review/location';
import { openReview } from '../../../src/main/review/open-review';
import { samples, tempFolder } from './support/temp-folder';

describe('where the review files live', () => {
  it('uses <folder>/.flagdeck when it can write there', async () => {
    const root = await tempFolder();
    const location = await locateReview(root, { dataDir: join(root, 'data') });
    expect(location).toMatchObject({
      inFolder: true,
      journal: join(await realpath(root), '.flagdeck/journal.jsonl'),
    });
  });

  it('falls back to the data folder when .flagdeck cannot be created, and says why', async () => {
    const root = await tempFolder();
    const data = await tempFolder();
    // Running as root defeats chmod; a plain file where the folder should be fails the same way.
    await writeFile(join(root, '.flagdeck'), 'not a folder');
    const store = await openReview(root, { dataDir: data, reviewer: 'ana' });
    expect(store.location.inFolder).toBe(false);
    expect(store.location.journal.startsWith(join(data, 'journals'))).toBe(true);
    expect(store.location.reason).toMatch(/not writable \((ENOTDIR|EEXIST)\)/);
    await store.edit(samples(1), { status: 'keep' }, 'ana');
    await store.close();
    const again = await openReview(root, { dataDir: data, reviewer: 'ana' });
    expect(again.location.journal).toBe(store.location.journal);
    expect(again.get('log.csv#1', 'h1')?.status).toBe('keep');
    await again.close();
  });

  it('never writes into a folder marked read-only, even when the process could (root)', async () => {
    const root = await tempFolder();
    const data = await tempFolder();
    await writeFile(join(root, 'log.csv'), 'a,timestamp\r\n');
    await chmod(root, 0o555);
    try {
      const location = await locateReview(root, { dataDir: data });
      expect(location.inFolder).toBe(false);
      expect(location.reason).toMatch(/read-only \(mode 555\)/);
      expect(await readdir(root)).toEqual(['log.csv']);
    } finally {
      await chmod(root, 0o755);
    }
  });

  it.each([
    ['dataset_info.json + data.csv', ['dataset_info.json', 'data.csv']],
    ['.huggingface', ['.huggingface']],
    ['.git', ['.git']],
  ])('keeps out of a Hub saver clone (%s), which Gradio uploads whole', async (marker, names) => {
    const root = await tempFolder();
    for (const name of names) {
      if (name.startsWith('.')) await mkdir(join(root, name));
      else await writeFile(join(root, name), '');
    }
    const location = await locateReview(root, { dataDir: join(root, 'elsewhere') });
    expect(location.inFolder).toBe(false);
    expect(location.reason).toContain(marker);
  });

  it('uses an explicit review folder as given', async () => {
    const root = await tempFolder();
    const location = await locateReview(root, { dataDir: '/unused', reviewDir: join(root, 'mine') });
    expect(location.journal).toBe(join(root, 'mine/journal.jsonl'));
  });

  it('takes the CLI data folder from XDG_DATA_HOME, else ~/.local/share', () => {
    expect(defaultDataDir({ XDG_DATA_HOME: '/x' })).toBe('/x/flagdeck');
    expect(defaultDataDir({})).toMatch(/\.local\/share\/flagdeck$/);
  });
});
