// Undo history is kept per client: two callers (two browser tabs, two windows) editing one
// folder each undo and redo only their own steps; a caller the host cannot name gets the reviewer's.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller, CallName, CallResult } from '../../../src/shared/api';
import { createApp, type App } from '../../../src/main/app/compose';
import { webHostServices } from '../../../src/main/app/host-services';
import { createServices } from '../../../src/main/app/services';

const fixtures = join(import.meta.dirname, '../../fixtures/gradio');
let base: string;
let app: App;
let folderId: string;

async function call<T>(name: CallName, input: unknown, caller?: Caller): Promise<T> {
  const result: CallResult = await app.dispatch(name, input, caller);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

const keep = (id: string, caller?: Caller) =>
  call('review.edit', { targets: { samples: [{ folderId, id }] }, patch: { status: 'keep' } }, caller);
const statusOf = async (id: string) =>
  (await call<{ review: { status: string } }>('samples.get', { folderId, id })).review.status;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'flagdeck-undo-clients-'));
  await cp(join(fixtures, '4.44.1/flagging_options/flagged'), join(base, 'flagged'), { recursive: true });
  app = await createApp({
    dataDir: join(base, 'data'),
    host: webHostServices('t'),
    services: createServices,
    reviewer: 'tester',
  });
  await app.open([join(base, 'flagged')]);
  [{ id: folderId }] = (await call<{ folders: { id: string }[] }>('workspace.info', {})).folders;
});

afterAll(async () => {
  await app.close();
  await rm(base, { recursive: true, force: true });
});

describe('undo per client', () => {
  it('undoes and redoes each caller’s own steps, whatever the others did since', async () => {
    const tabA = { session: 'tab:aaaaaaaa' };
    const tabB = { session: 'tab:bbbbbbbb' };
    await keep('log.csv#1', tabA);
    await keep('log.csv#2', tabB);
    await keep('log.csv#3');

    const undoneA = await call<{ editId: string | null; what?: string }>('review.undo', {}, tabA);
    expect(undoneA.editId).not.toBeNull();
    expect(await statusOf('log.csv#1')).toBe('unreviewed');
    expect(await statusOf('log.csv#2')).toBe('keep');
    expect(await statusOf('log.csv#3')).toBe('keep');
    expect(await call('review.undo', {}, tabA)).toMatchObject({ editId: null });

    // A caller without a session (the CLI, an old client) has the reviewer's own history.
    await call('review.undo', {});
    expect(await statusOf('log.csv#3')).toBe('unreviewed');
    expect(await statusOf('log.csv#2')).toBe('keep');

    await call('review.undo', {}, tabB);
    expect(await statusOf('log.csv#2')).toBe('unreviewed');
    await call('review.redo', {}, tabA);
    expect(await statusOf('log.csv#1')).toBe('keep');
    expect(await statusOf('log.csv#2')).toBe('unreviewed');
  });
});
