// The push engine with the real `@huggingface/hub` client against the local Hub server: chunked
// commits with the dataset advertised last, nothing new on a second push, progress in bytes.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pushDataset, type PushProgress } from '../../../../src/main/export/hub';
import type { HubServer } from '../../../support/hub-server';
import { removeDir, startTestHub, tempDir, writeBlob, writeImageFolder, WRITE_TOKEN } from './staging';

let hub: HubServer;
let dir: string;
const fast = { baseDelayMs: 5, maxDelayMs: 20 };

beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.close());
beforeEach(async () => {
  dir = await tempDir('push');
});
afterEach(() => removeDir(dir));

function push(repo: string, extra: Partial<Parameters<typeof pushDataset>[0]> = {}) {
  return pushDataset({
    dir,
    repo,
    format: 'imagefolder',
    private: true,
    hubUrl: hub.url,
    token: WRITE_TOKEN,
    retryPolicy: fast,
    ...extra,
  });
}

const commitsOf = (id: string) => {
  const repo = hub.store.get('dataset', id)!;
  return repo.history.map((oid) => repo.commits.get(oid)!);
};
const added = (id: string, index: number) => {
  const commits = commitsOf(id);
  const before = new Set(commits[index - 1]?.files.keys());
  return [...commits[index].files.keys()].filter((p) => !before.has(p));
};

describe('pushDataset', () => {
  it('pushes 250 images in commits of at most 100 files, metadata and card in the last', async () => {
    await writeImageFolder(dir, 250);
    const result = await push('alice/pets');
    expect(result).toMatchObject({
      repo: 'alice/pets',
      created: true,
      files: 252,
      uploadedFiles: 252,
      commits: 3,
    });
    expect(result.url).toBe(`${hub.url}/datasets/alice/pets`);
    const commits = commitsOf('alice/pets');
    expect(commits).toHaveLength(4); // the repo's initial commit, then ours
    expect(result.commit).toBe(commits[3].oid);
    for (const index of [1, 2, 3]) expect(added('alice/pets', index).length).toBeLessThanOrEqual(100);
    for (const index of [1, 2]) {
      expect(added('alice/pets', index).some((p) => p.endsWith('metadata.jsonl') || p === 'README.md')).toBe(
        false,
      );
    }
    expect(added('alice/pets', 3)).toEqual(
      expect.arrayContaining(['data/train/metadata.jsonl', 'README.md']),
    );
    // Every file_name of the metadata resolves in the final tree, and the commits chain.
    const head = commits[3];
    const metadata = hub.store.bytesOf(
      hub.store.get('dataset', 'alice/pets')!,
      head.files.get('data/train/metadata.jsonl')!,
    )!;
    const names = metadata
      .toString()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).file_name as string);
    expect(names).toHaveLength(250);
    for (const name of names) expect(head.files.get(`data/train/${name}`)?.lfs).toBeDefined();
    expect(commits.slice(1).map((c) => c.parent)).toEqual(commits.slice(0, 3).map((c) => c.oid));
    expect(hub.store.get('dataset', 'alice/pets')!.private).toBe(true);
    // Xet stays on (offered in every LFS batch); the server's `basic` answer made it plain LFS.
    expect(hub.lfsTransfers.length).toBeGreaterThan(0);
    for (const offered of hub.lfsTransfers) expect(offered).toContain('xet');
  });

  it('uploads nothing and commits nothing when the same layout is pushed again', async () => {
    await writeImageFolder(dir, 30);
    const first = await push('alice/again');
    const before = hub.requests.length;
    const second = await push('alice/again');
    const calls = hub.requests.slice(before);
    expect(second).toMatchObject({
      uploadedFiles: 0,
      uploadedBytes: 0,
      commits: 0,
      created: false,
      commit: first.commit,
    });
    expect(
      calls.filter(
        (c) => c.method === 'PUT' || c.path.includes('/commit/') || c.path.includes('/preupload/'),
      ),
    ).toEqual([]);
  });

  it('sends only the changed files on a later push, and removes media the new layout dropped', async () => {
    await writeImageFolder(dir, 12);
    await push('alice/changed');
    await removeDir(dir);
    await writeImageFolder(dir, 10);
    const before = hub.requests.length;
    const result = await push('alice/changed');
    expect(hub.requests.slice(before).filter((c) => c.method === 'PUT')).toEqual([]);
    expect(result.uploadedFiles).toBe(2); // metadata.jsonl and README changed; the images did not
    const head = commitsOf('alice/changed').at(-1)!;
    expect([...head.files.keys()].filter((p) => p.endsWith('.png'))).toHaveLength(10);
  });

  it('makes the repo public when asked, and pushes a Parquet layout in one commit', async () => {
    await writeBlob(dir, 'data/train-00000-of-00002.parquet', 300_000);
    await writeBlob(dir, 'data/train-00001-of-00002.parquet', 200_000);
    await writeImageFolder(dir, 120);
    const result = await push('alice/parquet', { format: 'parquet', private: false });
    expect(result.commits).toBe(1);
    expect(commitsOf('alice/parquet')).toHaveLength(2);
    expect(hub.store.get('dataset', 'alice/parquet')!.private).toBe(false);
  });

  it('reports byte progress that grows to the total, with values inside a large file', async () => {
    await writeBlob(dir, 'data/big.parquet', 6 * 1024 * 1024);
    await writeImageFolder(dir, 5);
    const seen: PushProgress[] = [];
    const result = await push('alice/progress', {
      format: 'parquet',
      onProgress: (p) => seen.push({ ...p }),
    });
    const sent = seen.map((p) => p.bytesSent);
    expect(sent).toEqual([...sent].sort((a, b) => a - b));
    expect(seen.at(-1)).toMatchObject({
      phase: 'done',
      bytesSent: result.uploadedBytes,
      bytesTotal: result.uploadedBytes,
    });
    const big = 6 * 1024 * 1024;
    expect(sent.filter((b) => b > 0 && b < big).length).toBeGreaterThan(3);
    expect(seen.some((p) => p.phase === 'uploading')).toBe(true);
  });

  it('refuses a repo id that is not owner/name before any request', async () => {
    await writeImageFolder(dir, 1);
    const before = hub.requests.length;
    await expect(push('just-a-name')).rejects.toThrow(/not a Hub repo id: use owner\/name/);
    expect(hub.requests.length).toBe(before);
  });
});
