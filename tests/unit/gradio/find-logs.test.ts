// Which files of a folder are logs.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { findLogs, walkForLogs } from '../../../src/main/gradio/find-logs';
import { FolderReader } from '../../../src/main/gradio/reader';

it('finds CSV logs and HF metadata.jsonl, in natural order, six folders deep, skipping asset copies and caches', async () => {
  const root = mkdtempSync(join(tmpdir(), 'flagdeck-find-'));
  const files = [
    'dataset10.csv',
    'dataset2.csv',
    'log.csv',
    'demo-flags/data.csv',
    'demo-flags/0f8e2b1c-1111-4222-8333-444455556666/metadata.jsonl',
    'file/0123456789abcdef0123/uploaded.csv',
    'file/0123456789abcdef0123/metadata.jsonl',
    'a/b/c/d/e/f/six-deep.csv',
    'a/b/c/d/e/f/g/seven-deep.csv',
    'file/0123456789abcdef0123456789abcdef01234567/old.csv',
    'cached_examples/15/log.csv',
    '.flagdeck/journal.jsonl',
    '.git/x.csv',
    'image/0123456789abcdef0123/a.png',
  ];
  for (const file of files) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), 'x');
  }
  expect(await findLogs(root)).toEqual([
    'a/b/c/d/e/f/six-deep.csv',
    'dataset2.csv',
    'dataset10.csv',
    'demo-flags/0f8e2b1c-1111-4222-8333-444455556666/metadata.jsonl',
    'demo-flags/data.csv',
    'log.csv',
  ]);
});

it('refuses a folder it cannot read', async () => {
  await expect(findLogs(join(tmpdir(), 'flagdeck-no-such-folder'))).rejects.toThrow(/ENOENT/);
});

it("lends the directories it read to the folder's resolver, as listings read then", async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  try {
    const root = mkdtempSync(join(tmpdir(), 'flagdeck-find-'));
    mkdirSync(join(root, 'image'));
    writeFileSync(join(root, 'log.csv'), 'image\nimage/a.png\n');
    const reader = new FolderReader();
    expect(await reader.findLogs(root)).toEqual(['log.csv']);
    // Written after findLogs read `image/`: not in that listing until it is stale (2 s), as with
    // any listing the resolver reads itself.
    writeFileSync(join(root, 'image', 'a.png'), 'png');
    const resolver = reader.resolverFor(root);
    expect(await resolver.resolve('image/a.png', root)).toEqual({ status: 'missing' });
    vi.setSystemTime(Date.now() + 2500);
    expect(await resolver.resolve('image/a.png', root)).toMatchObject({
      status: 'resolved',
      path: 'image/a.png',
    });
  } finally {
    vi.useRealTimers();
  }
});

describe("a folder whose label directories hold Gradio's copies", () => {
  const layout = [
    'log.csv',
    'image/0123456789abcdef0123/a.png',
    'image/00112233445566778899/b.png',
    'input_image/tmp869r3vjy.jpg',
    'input_image/tmpab12cd_3.png',
    'file/0123456789abcdef0123456789abcdef01234567/uploaded.csv',
    'mixed/dataset1.csv',
    'mixed/0123456789abcdef0123/c.png',
    '0f8e2b1c-1111-4222-8333-444455556666/metadata.jsonl',
    '0f8e2b1c-1111-4222-8333-444455556666/im/0123456789abcdef0123/bus.png',
  ];
  function folder(): string {
    const root = join(mkdtempSync(join(tmpdir(), 'flagdeck-find-copies-')), 'flagged');
    for (const file of layout) {
      mkdirSync(dirname(join(root, file)), { recursive: true });
      writeFileSync(join(root, file), 'x');
    }
    return root;
  }

  it('finds every log without reading them (a directory with a log among its copies is read)', async () => {
    const root = folder();
    const { logs, directories } = await walkForLogs(root);
    expect(logs).toEqual([
      '0f8e2b1c-1111-4222-8333-444455556666/metadata.jsonl',
      'log.csv',
      'mixed/dataset1.csv',
    ]);
    expect(directories.map((walked) => walked.relative).sort()).toEqual([
      '',
      '0f8e2b1c-1111-4222-8333-444455556666',
      'mixed',
    ]);
  });

  it('finds the files a page names there by name, a copy written since at once', async () => {
    const root = folder();
    const reader = new FolderReader();
    await reader.findLogs(root);
    const resolver = reader.resolverFor(root);
    expect(await resolver.resolve('image/0123456789abcdef0123/a.png', root)).toMatchObject({
      status: 'resolved',
    });
    mkdirSync(join(root, 'image', 'ffeeddccbbaa99887766'));
    writeFileSync(join(root, 'image', 'ffeeddccbbaa99887766', 'late.png'), 'png');
    // Had the label directory been read for a.png, its listing (kept for 2 s) would not hold it.
    expect(await resolver.resolve('image/ffeeddccbbaa99887766/late.png', root)).toMatchObject({
      status: 'resolved',
      path: 'image/ffeeddccbbaa99887766/late.png',
    });
    expect(await resolver.resolve('image/0123456789abcdef0123/A.PNG', root)).toMatchObject({
      status: 'resolved',
      path: 'image/0123456789abcdef0123/a.png',
    });
    expect(await resolver.resolve('image/0123456789abcdef0123/gone.png', root)).toEqual({
      status: 'missing',
    });
    expect(await resolver.resolve('input_image/tmp869r3vjy.jpg', root)).toMatchObject({ status: 'resolved' });
  });

  it('tells a hash directory that is not there missing without reading the label directory', async () => {
    const root = folder();
    const reader = new FolderReader();
    await reader.findLogs(root);
    const resolver = reader.resolverFor(root);
    const ref = 'image/ffeeddccbbaa99887766/late.png';
    expect(await resolver.resolve(ref, root)).toEqual({ status: 'missing' });
    // Each follow poll asks again; had the label directory been read for the miss, its listing
    // (kept for 2 s) would not hold the copy that comes now.
    mkdirSync(join(root, 'image', 'ffeeddccbbaa99887766'));
    writeFileSync(join(root, 'image', 'ffeeddccbbaa99887766', 'late.png'), 'png');
    // Asked as written otherwise (a miss is remembered for 2 s too, by what was asked).
    expect(await resolver.resolve(`./${ref}`, root)).toMatchObject({ status: 'resolved', path: ref });
  });
});

it("reads an HF saver sample folder once: the look for Gradio's copies saw all of its entries", async () => {
  const { countCalls } = await import('../../support/counted-calls.mjs');
  const root = mkdtempSync(join(tmpdir(), 'flagdeck-find-samples-'));
  const sample = (i: number) => `0f8e2b1c-1111-4222-8333-${String(i).padStart(12, '0')}`;
  for (let i = 0; i < 12; i++) {
    mkdirSync(join(root, sample(i), 'im', '0123456789abcdef0123'), { recursive: true });
    writeFileSync(join(root, sample(i), 'metadata.jsonl'), '{"text": "x"}');
    writeFileSync(join(root, sample(i), 'im', '0123456789abcdef0123', 'image.png'), 'png');
  }
  // More entries than the look takes: read as before.
  mkdirSync(join(root, 'many'));
  for (let i = 0; i < 12; i++) writeFileSync(join(root, 'many', `log${i}.csv`), 'x');
  const counting = countCalls('readdir');
  try {
    const { logs, directories } = await walkForLogs(root);
    expect(logs).toEqual([
      ...Array.from({ length: 12 }, (_, i) => `${sample(i)}/metadata.jsonl`),
      ...Array.from({ length: 12 }, (_, i) => `many/log${i}.csv`),
    ]);
    expect(
      directories
        .find((d) => d.relative === sample(3))
        ?.entries.map((e) => e.name)
        .sort(),
    ).toEqual(['im', 'metadata.jsonl']);
    for (let i = 0; i < 12; i++) expect(counting.calls(join(root, sample(i))), sample(i)).toBe(0);
    expect(counting.calls(join(root, 'many'))).toBe(1);
    // Label directories are still not read.
    expect(counting.calls(join(root, sample(0), 'im'))).toBe(0);
  } finally {
    counting.undo();
  }
});
