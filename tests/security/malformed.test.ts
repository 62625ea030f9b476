// Malformed calls get a 4xx that says what is wrong, never a 500 with a stack in the log: ids in a
// form other than the canonical `<log>#<row>`, samples and folders that are not there, notes over
// 64 KB, bodies over 4 MB, bodies that are not JSON.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createReviewCommand } from '../../src/main/cli/review';
import { UsageError } from '../../src/main/cli/command';
import { logSamples } from '../../src/main/review/log-samples';
import { flaggingFolder, raw, serve, tempDir, type Served } from './support';

async function servedFolder(): Promise<{ served: Served; folder: string; folderId: string }> {
  const folder = await flaggingFolder(await tempDir(), 'flagged', 5);
  const served = await serve([folder]);
  const info = (await served.call('workspace.info', {})).body.value as { folders: { id: string }[] };
  return { served, folder, folderId: info.folders[0].id };
}

const journalOf = (folder: string): Promise<string> =>
  readFile(join(folder, '.flagdeck', 'journal.jsonl'), 'utf8').catch(() => '');

const stackLines = (logs: string[]): string[] => logs.filter((line) => /\n\s+at /.test(line));

describe('sample ids', () => {
  const malformed = [
    'log.csv#04',
    'log.csv#0x4',
    'log.csv#4.0',
    'log.csv#+4',
    'log.csv#0',
    'log.csv#-1',
    'log.csv#1e0',
    'log.csv# 4',
    'log.csv#4 ',
    'log.csv#',
    '#4',
    'log.csv',
  ];

  it('answers a non-canonical id with 400 naming it, journals nothing, and counts nothing', async () => {
    const { served, folder, folderId } = await servedFolder();
    for (const id of malformed) {
      const edit = await served.call('review.edit', {
        targets: { samples: [{ folderId, id }] },
        patch: { status: 'keep' },
      });
      expect(edit.status, id).toBe(400);
      expect(edit.body.error?.message).toContain(`${JSON.stringify(id)} is not a sample id`);
      const get = await served.call('samples.get', { folderId, id });
      expect(get.status, id).toBe(400);
      expect(get.body.error?.message).toContain(JSON.stringify(id));
    }
    expect(await journalOf(folder)).toBe('');
    const facets = (await served.call('samples.facets', {})).body.value as {
      byStatus: Record<string, number>;
    };
    expect(facets.byStatus.keep ?? 0).toBe(0);
    const good = await served.call('review.edit', {
      targets: { samples: [{ folderId, id: 'log.csv#4' }] },
      patch: { status: 'keep' },
    });
    expect(good.body.value).toMatchObject({ count: 1 });
  });

  it('the CLI refuses a non-canonical id, naming it, before touching the journal', async () => {
    const folder = await flaggingFolder(await tempDir(), 'flagged', 5);
    const review = createReviewCommand(logSamples);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      for (const id of ['log.csv#04', 'log.csv#0x4', 'log.csv#4.0', 'log.csv#+4']) {
        const run = review.run([folder, '--set', id, '--status', 'keep']);
        await expect(run).rejects.toThrow(UsageError);
        await expect(review.run([folder, '--set', id, '--status', 'keep'])).rejects.toThrow(
          `"${id}" is not a sample id`,
        );
      }
    } finally {
      error.mockRestore();
    }
    expect(await journalOf(folder)).toBe('');
  });
});

describe('calls about what is not there', () => {
  it('404 for no such sample, 409 for a folder not open, each logged in one line', async () => {
    const { served, folderId } = await servedFolder();
    const noSample = await served.call('samples.get', { folderId, id: 'log.csv#99' });
    expect(noSample.status).toBe(404);
    expect(noSample.body.error).toMatchObject({ code: 'not-found' });
    expect(noSample.body.error?.message).toContain('no sample "log.csv#99"');
    const noLog = await served.call('review.edit', {
      targets: { samples: [{ folderId, id: 'other.csv#1' }] },
      patch: { status: 'drop' },
    });
    expect(noLog.status).toBe(404);
    for (const [name, input] of [
      ['samples.get', { folderId: 'nope', id: 'log.csv#1' }],
      ['review.options', { folderId: 'nope' }],
      [
        'review.edit',
        { targets: { samples: [{ folderId: 'nope', id: 'log.csv#1' }] }, patch: { status: 'drop' } },
      ],
      ['media.url', { folderId: 'nope', path: 'a.png' }],
    ] as const) {
      const reply = await served.call(name, input);
      expect(reply.status, name).toBe(409);
      expect(reply.body.error?.message).toContain('no open folder "nope"');
    }
    expect(served.logs.length).toBeGreaterThanOrEqual(6);
    expect(stackLines(served.logs)).toEqual([]);
  });
});

describe('notes and bodies', () => {
  it('caps a note at 64 KB with a message saying so', async () => {
    const { served, folderId } = await servedFolder();
    const target = { samples: [{ folderId, id: 'log.csv#1' }] };
    const big = await served.call('review.edit', {
      targets: target,
      patch: { note: 'é'.repeat(32 * 1024 + 1) },
    });
    expect(big.status).toBe(400);
    expect(big.body.error?.message).toContain('the note is 65,538 bytes; a note holds at most 64 KB');
    const fits = await served.call('review.edit', {
      targets: target,
      patch: { note: 'n'.repeat(64 * 1024) },
    });
    expect(fits.status).toBe(200);
  });

  it('413 for a body over 4 MB, 400 for one that is not JSON, 405 for GET; the server keeps answering', async () => {
    const { served } = await servedFolder();
    const { port } = served.web;
    const headers = { host: served.host, authorization: `Bearer ${served.token}` };
    const huge = Buffer.alloc(4 * 1024 * 1024 + 1, 0x20);
    expect(
      (await raw(port, { method: 'POST', path: '/api/samples.query', headers, body: huge })).status,
    ).toBe(413);
    for (const body of ['{', '{"offset":', 'null\u0000', '\ud800', '[1,2']) {
      const reply = await raw(port, { method: 'POST', path: '/api/samples.query', headers, body });
      expect([400], body).toContain(reply.status);
    }
    const proto = await served.call('samples.query', JSON.parse('{"__proto__":{"limit":5},"offset":0}'));
    expect(proto.status).toBe(400);
    expect(({} as Record<string, unknown>).limit).toBeUndefined();
    expect((await raw(port, { path: '/api/workspace.info', headers })).status).toBe(405);
    expect((await served.call('no.such.call', {})).status).toBe(404);
    expect((await served.call('samples.query', { offset: -1, limit: 1e9 })).status).toBe(400);
    expect((await served.call('workspace.info', {})).status).toBe(200);
  });
});
