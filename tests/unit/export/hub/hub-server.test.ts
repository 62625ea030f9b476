// The local Hub server against the real `@huggingface/hub` client: what it accepts is what the
// client sends, and it refuses what the Hub refuses (hub-protocol.md §2).
import { commit, createRepo, downloadFile, listFiles, whoAmI, type HubApiError } from '@huggingface/hub';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHubServer, type HubServer } from '../../../support/hub-server';

const TOKEN = 'hf_test_writer';
const READER = 'hf_test_reader';
let hub: HubServer;

beforeAll(async () => {
  hub = await startHubServer({
    tokens: {
      [TOKEN]: { user: { name: 'alice', orgs: ['lab'] }, role: 'write' },
      [READER]: { user: { name: 'alice' }, role: 'read' },
    },
    treePageSize: 3,
  });
});
afterAll(() => hub.close());

const png = () =>
  Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]), Buffer.from(Math.random().toString())]);

async function statusOf(promise: Promise<unknown>): Promise<number | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return (error as HubApiError).statusCode;
  }
}

describe('local Hub server with the real JS client', () => {
  it('answers whoami with the user and orgs, and 401 to an unknown token', async () => {
    const me = await whoAmI({ accessToken: TOKEN, hubUrl: hub.url });
    expect(me.name).toBe('alice');
    expect(me.type === 'user' && me.orgs.map((o) => o.name)).toEqual(['lab']);
    expect(await statusOf(whoAmI({ accessToken: 'hf_nobody', hubUrl: hub.url }))).toBe(401);
  });

  it('creates a dataset repo once, then answers 409; 403 outside the token namespaces', async () => {
    const repo = { type: 'dataset' as const, name: 'alice/created' };
    await createRepo({ repo, accessToken: TOKEN, hubUrl: hub.url, visibility: 'private' });
    expect(hub.store.get('dataset', 'alice/created')?.private).toBe(true);
    expect(await statusOf(createRepo({ repo, accessToken: TOKEN, hubUrl: hub.url }))).toBe(409);
    const foreign = { type: 'dataset' as const, name: 'bob/x' };
    expect(await statusOf(createRepo({ repo: foreign, accessToken: TOKEN, hubUrl: hub.url }))).toBe(403);
    const readOnly = { type: 'dataset' as const, name: 'alice/nope' };
    expect(await statusOf(createRepo({ repo: readOnly, accessToken: READER, hubUrl: hub.url }))).toBe(403);
  });

  it('takes a commit with LFS and regular files over plain LFS (Xet answered with basic) and lists it', async () => {
    const repo = { type: 'dataset' as const, name: 'alice/pushed' };
    await createRepo({ repo, accessToken: TOKEN, hubUrl: hub.url });
    const image = png();
    const before = hub.requests.length;
    const out = await commit({
      repo,
      accessToken: TOKEN,
      hubUrl: hub.url,
      title: 'add',
      operations: [
        { operation: 'addOrUpdate', path: 'data/a.png', content: new Blob([image]) },
        { operation: 'addOrUpdate', path: 'README.md', content: new Blob(['# hi\n']) },
      ],
    });
    const calls = hub.requests
      .slice(before)
      .map((r) => `${r.method} ${r.path.replace(/[0-9a-f]{32}$/, 'X')}`);
    // The client asked for Xet, got `basic`, and PUT the bytes: no Xet token or CAS call.
    expect(calls).toContain('PUT /lfs-upload/X');
    expect(calls.some((c) => c.includes('xet'))).toBe(false);
    expect(out?.commit.oid).toMatch(/^[0-9a-f]{40}$/);
    const files = [];
    for await (const f of listFiles({ repo, recursive: true, accessToken: TOKEN, hubUrl: hub.url }))
      files.push(f);
    const byPath = Object.fromEntries(files.map((f) => [f.path, f]));
    expect(Object.keys(byPath).sort()).toEqual(['.gitattributes', 'README.md', 'data', 'data/a.png']);
    expect(byPath['data/a.png'].lfs?.size).toBe(image.length);
    expect(byPath['README.md'].lfs).toBeUndefined();
    const blob = await downloadFile({ repo, path: 'data/a.png', accessToken: TOKEN, hubUrl: hub.url });
    expect(Buffer.from(await blob!.arrayBuffer()).equals(image)).toBe(true);
  });

  it('refuses a stale parent commit with 412 and leaves the branch as it was', async () => {
    const repo = { type: 'dataset' as const, name: 'alice/stale' };
    await createRepo({ repo, accessToken: TOKEN, hubUrl: hub.url });
    const stored = hub.store.get('dataset', 'alice/stale')!;
    const parent = stored.branches.get('main')!;
    hub.store.commitDirect(stored, { 'other.txt': 'someone else' });
    const head = stored.branches.get('main');
    const operations = [{ operation: 'addOrUpdate' as const, path: 'x.txt', content: new Blob(['x']) }];
    const status = await statusOf(
      commit({ repo, accessToken: TOKEN, hubUrl: hub.url, title: 't', operations, parentCommit: parent }),
    );
    expect(status).toBe(412);
    expect(stored.branches.get('main')).toBe(head);
  });

  it('refuses binary content sent as a regular file, and an LFS line whose object never came', async () => {
    const repo = { type: 'dataset' as const, name: 'alice/refused' };
    await createRepo({ repo, accessToken: TOKEN, hubUrl: hub.url });
    const stored = hub.store.get('dataset', 'alice/refused')!;
    const head = stored.branches.get('main');
    const post = (lines: unknown[]) =>
      fetch(`${hub.url}/api/datasets/alice/refused/commit/main`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/x-ndjson' },
        body: lines.map((l) => JSON.stringify(l)).join('\n'),
      });
    const header = { key: 'header', value: { summary: 't' } };
    const binary = await post([
      header,
      { key: 'file', value: { path: 'a.bin', content: 'AAEC', encoding: 'base64' } },
    ]);
    expect(binary.status).toBe(400);
    expect(((await binary.json()) as { error: string }).error).toMatch(/binary files/);
    const missing = await post([
      header,
      { key: 'lfsFile', value: { path: 'b.png', algo: 'sha256', oid: 'a'.repeat(64), size: 3 } },
    ]);
    expect(missing.status).toBe(422);
    const badPath = await post([header, { key: 'file', value: { path: '../etc/passwd', content: 'x' } }]);
    expect(badPath.status).toBe(400);
    const big = 'x'.repeat(10 * 1024 * 1024 + 1);
    const oversized = await post([
      header,
      { key: 'file', value: { path: 'big.txt', content: big, encoding: 'utf-8' } },
    ]);
    expect(oversized.status).toBe(400);
    expect(((await oversized.json()) as { error: string }).error).toMatch(/larger than 10 MiB/);
    expect(stored.branches.get('main')).toBe(head);
  });

  it('tells LFS from regular files at preupload, and refuses a wrong repo type', async () => {
    const preupload = await fetch(`${hub.url}/api/datasets/alice/pushed/preupload/main`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        files: [
          { path: 'a.png', size: 10, sample: Buffer.from('text').toString('base64') },
          { path: 'b.bin', size: 4, sample: Buffer.from([1, 0, 2, 3]).toString('base64') },
          { path: 'c.txt', size: 20 * 1024 * 1024, sample: Buffer.from('text').toString('base64') },
          { path: 'd.md', size: 4, sample: Buffer.from('text').toString('base64') },
          { path: 'e.png', size: 0, sample: '' },
        ],
      }),
    });
    const { files } = (await preupload.json()) as {
      files: { path: string; uploadMode: string; shouldIgnore: boolean }[];
    };
    expect(files.map((f) => f.uploadMode)).toEqual(['lfs', 'lfs', 'lfs', 'regular', 'regular']);
    expect(files.every((f) => f.shouldIgnore === false)).toBe(true);
    const asModel = await fetch(`${hub.url}/api/models/alice/pushed`, {
      headers: { Authorization: `Bearer ${TOKEN}` },
    });
    expect(asModel.status).toBe(404);
    const bucket = createRepo({
      repo: { type: 'bucket' as 'dataset', name: 'alice/b' },
      accessToken: TOKEN,
      hubUrl: hub.url,
    });
    expect(await statusOf(bucket)).toBeGreaterThanOrEqual(400);
  });

  it('hides a private repo from others (404 RepoNotFound) and pages the tree with absolute Link URLs', async () => {
    const other = await fetch(`${hub.url}/api/datasets/alice/created`);
    expect(other.status).toBe(404);
    expect(other.headers.get('x-error-code')).toBe('RepoNotFound');
    const repo = { type: 'dataset' as const, name: 'alice/paged' };
    await createRepo({ repo, accessToken: TOKEN, hubUrl: hub.url });
    const operations = Array.from({ length: 7 }, (_, i) => ({
      operation: 'addOrUpdate' as const,
      path: `f${i}.txt`,
      content: new Blob([`file ${i}`]),
    }));
    await commit({ repo, accessToken: TOKEN, hubUrl: hub.url, title: 't', operations });
    const first = await fetch(`${hub.url}/api/datasets/alice/paged/tree/main`);
    expect(first.headers.get('link')).toMatch(/^<http:\/\/127\.0\.0\.1:\d+\/.*>; rel="next"$/);
    const paths = [];
    for await (const f of listFiles({ repo, accessToken: TOKEN, hubUrl: hub.url })) paths.push(f.path);
    expect(paths).toHaveLength(8);
  });
});
