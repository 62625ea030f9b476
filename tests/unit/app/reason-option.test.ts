// A number key over samples of two folders: each folder's own option N (one edit, one undo step),
// or nothing changed and a message naming the folder without an option N.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallName, CallResult } from '../../../src/shared/api';
import { activeOptions } from '../../../src/shared/flag-options';
import { createApp, type App } from '../../../src/main/app/compose';
import { webHostServices } from '../../../src/main/app/host-services';
import { createServices } from '../../../src/main/app/services';

const fixtures = join(import.meta.dirname, '../../fixtures/gradio');
let base: string;
let app: App;
let a: { id: string; path: string };
let b: { id: string; path: string };

async function call<T>(name: CallName, input: unknown): Promise<T> {
  const result: CallResult = await app.dispatch(name, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

const reasonOf = async (folderId: string, id: string): Promise<string | null | undefined> =>
  (await call<{ review: { reason?: string | null } }>('samples.get', { folderId, id })).review.reason;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'flagdeck-option-n-'));
  await cp(join(fixtures, '4.44.1/flagging_options/flagged'), join(base, 'a/flagged'), { recursive: true });
  await cp(join(fixtures, '5.50.0/classic_logger/.gradio/flagged'), join(base, 'b/flagged'), {
    recursive: true,
  });
  app = await createApp({
    dataDir: join(base, 'data'),
    host: webHostServices('t'),
    services: createServices,
    reviewer: 'tester',
  });
  await app.open([join(base, 'a/flagged'), join(base, 'b/flagged')]);
  [a, b] = (await call<{ folders: { id: string; path: string }[] }>('workspace.info', {})).folders;
  await call('review.setOptions', { folderId: b.id, custom: [{ value: 'blurry', retired: false }] });
  const custom = ['cut off', 'too dark'].map((value) => ({ value, retired: false }));
  await call('review.setOptions', { folderId: a.id, custom });
});

afterAll(async () => {
  await app.close();
  await rm(base, { recursive: true, force: true });
});

describe('reason option N over two folders', () => {
  it('gives each folder its own option N, in one undo step', async () => {
    const optionsA = activeOptions(await call('review.options', { folderId: a.id }));
    const optionsB = activeOptions(await call('review.options', { folderId: b.id }));
    expect(optionsB).toEqual(['bad', 'good', 'blurry']);
    expect(optionsA).toHaveLength(5);
    expect(optionsA[0]).not.toBe(optionsB[0]);
    const samples = [
      { folderId: a.id, id: 'log.csv#3' },
      { folderId: b.id, id: 'log.csv#1' },
    ];
    const { count } = await call<{ count: number }>('review.edit', {
      targets: { samples },
      patch: { reasonOption: 1 },
    });
    expect(count).toBe(2);
    expect(await reasonOf(a.id, 'log.csv#3')).toBe(optionsA[0]);
    expect(await reasonOf(b.id, 'log.csv#1')).toBe('bad');
    await call('review.undo', {});
    expect(await reasonOf(a.id, 'log.csv#3')).toBeUndefined();
    expect(await reasonOf(b.id, 'log.csv#1')).toBeUndefined();
  });

  it('refuses option N when a folder of the selection has fewer options, changing nothing', async () => {
    const samples = [
      { folderId: a.id, id: 'log.csv#2' },
      { folderId: b.id, id: 'log.csv#2' },
    ];
    const result = await app.dispatch('review.edit', { targets: { samples }, patch: { reasonOption: 5 } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-input');
    expect(result.error.message).toBe(
      `Nothing changed: no flag option 5 in every folder of the selection (${b.path} has 3)`,
    );
    expect(await reasonOf(a.id, 'log.csv#2')).toBeUndefined();
  });
});
