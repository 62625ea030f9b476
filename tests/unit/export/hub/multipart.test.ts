// Large files go up in parts when the Hub says so (chunk_size and numbered part URLs in the LFS
// batch answer): the real client with the app's retrying fetch sends every part, a failed part is
// tried again, the stored object is the file byte for byte, and progress counts every part's bytes.
// The local Hub refuses a completion whose parts or ETags do not match, as S3 does.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pushDataset, type PushProgress, type RetryNotice } from '../../../../src/main/export/hub';
import type { HubServer } from '../../../support/hub-server';
import { removeDir, startTestHub, tempDir, writeBlob, writeImageFolder, WRITE_TOKEN } from './staging';

const CHUNK = 256 * 1024;
const BIG = 'data/big.parquet';
let hub: HubServer;
let dir: string;

beforeAll(async () => {
  hub = await startTestHub({ multipartChunkSize: CHUNK });
});
afterAll(() => hub.close());
beforeEach(async () => {
  dir = await tempDir('multipart');
  await writeBlob(dir, BIG, 3 * CHUNK + 1000);
  await writeImageFolder(dir, 3);
  hub.faults.clear();
});
afterEach(() => removeDir(dir));

function push(repo: string, extra: Partial<Parameters<typeof pushDataset>[0]> = {}) {
  return pushDataset({
    dir,
    repo,
    format: 'parquet',
    private: true,
    hubUrl: hub.url,
    token: WRITE_TOKEN,
    retryPolicy: { baseDelayMs: 5, maxDelayMs: 20, attempts: 4 },
    ...extra,
  });
}

function storedBytes(id: string, path: string): Buffer | undefined {
  const repo = hub.store.get('dataset', id)!;
  const file = hub.store.head(repo)?.files.get(path);
  return file && hub.store.bytesOf(repo, file);
}

const PART = /^\/lfs-part\//;

describe('multipart LFS uploads', () => {
  it('sends a large file in its parts and completes it; the Hub holds it byte for byte', async () => {
    const start = hub.requests.length;
    const seen: PushProgress[] = [];
    const result = await push('alice/parts', { onProgress: (p) => seen.push({ ...p }) });
    const requests = hub.requests.slice(start);
    expect(requests.filter((r) => PART.test(r.path)).map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(requests.filter((r) => r.path.startsWith('/lfs-complete/')).map((r) => r.status)).toEqual([200]);
    expect(storedBytes('alice/parts', BIG)?.equals(await readFile(join(dir, BIG)))).toBe(true);
    expect(seen.at(-1)).toMatchObject({ bytesSent: result.uploadedBytes, bytesTotal: result.uploadedBytes });
  });

  it('tries a failed part again and still stores the whole file', async () => {
    hub.faults.add({ method: 'PUT', path: PART, skip: 1, times: 1, action: { kind: 'status', status: 503 } });
    const retries: RetryNotice[] = [];
    await push('alice/part-retry', { onRetry: (n) => retries.push(n) });
    expect(retries.map((r) => r.reason)).toEqual(['HTTP 503']);
    expect(storedBytes('alice/part-retry', BIG)?.equals(await readFile(join(dir, BIG)))).toBe(true);
  });

  it('refuses a completion with a wrong ETag or a missing part', async () => {
    const batch = await fetch(`${hub.url}/datasets/alice/parts.git/info/lfs/objects/batch`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${WRITE_TOKEN}`, 'Content-Type': 'application/vnd.git-lfs+json' },
      body: JSON.stringify({
        operation: 'upload',
        transfers: ['basic', 'multipart'],
        objects: [{ oid: 'a'.repeat(64), size: CHUNK + 1 }],
      }),
    });
    const { objects } = (await batch.json()) as {
      objects: { actions: { upload: { href: string; header: Record<string, string> } } }[];
    };
    const { href, header } = objects[0].actions.upload;
    expect(header.chunk_size).toBe(String(CHUNK));
    const first = await fetch(header['00001'], { method: 'PUT', body: Buffer.alloc(CHUNK) });
    const complete = (parts: object[]) =>
      fetch(href, { method: 'POST', body: JSON.stringify({ oid: 'a'.repeat(64), parts }) });
    expect((await complete([{ partNumber: 1, etag: first.headers.get('etag') }])).status).toBe(400);
    const wrong = await complete([
      { partNumber: 1, etag: '"0"' },
      { partNumber: 2, etag: '"0"' },
    ]);
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { error: string }).error).toBe('Part 1: ETag "0" does not match');
  });
});
