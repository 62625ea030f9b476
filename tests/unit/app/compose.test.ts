import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type ServiceContext, type Services } from '../../../src/main/app/compose';
import { webHostServices, type HostServices } from '../../../src/main/app/host-services';
import { fakeHandlers } from '../host/doubles';

let base: string;
let root: string;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'flagdeck-compose-'));
  root = join(base, 'flagged');
  await mkdir(join(root, 'img'), { recursive: true });
  await writeFile(join(root, 'img', 'a.png'), 'png');
});

afterAll(() => rm(base, { recursive: true, force: true }));

function fakeServices(recent: string[], calls: { name: string; args: unknown }[], seen: ServiceContext[]) {
  return async (context: ServiceContext): Promise<Services> => {
    seen.push(context);
    const handlers = fakeHandlers(calls);
    return {
      calls: { ...handlers, 'workspace.recent': async () => ({ paths: recent }) },
      folderOf: (id) => (id === 'f1' ? { root, readOnly: false } : undefined),
      thumbDirOf: async (folder) => join(folder, '.flagdeck', 'thumbs'),
      close: async () => undefined,
    };
  };
}

const revealed: string[] = [];
const host: HostServices = { ...webHostServices('tok'), reveal: async (path) => void revealed.push(path) };

describe('createApp', () => {
  it('opens the sample on first run only', async () => {
    const calls: { name: string; args: unknown }[] = [];
    const first = await createApp({ dataDir: base, host, services: fakeServices([], calls, []) });
    await first.openOnFirstRun('/sample');
    expect(calls).toEqual([{ name: 'workspace.open', args: { paths: ['/sample'] } }]);

    const later: { name: string; args: unknown }[] = [];
    const again = await createApp({ dataDir: base, host, services: fakeServices(['/x'], later, []) });
    await again.openOnFirstRun('/sample');
    expect(later).toEqual([]);
  });

  it('fans events the services emit out to every subscriber', async () => {
    const contexts: ServiceContext[] = [];
    const app = await createApp({ dataDir: base, host, services: fakeServices([], [], contexts) });
    const a: unknown[] = [];
    const b: unknown[] = [];
    app.events.subscribe((event, payload) => a.push([event, payload]));
    const stop = app.events.subscribe(() => {
      throw new Error('a closed window');
    });
    app.events.subscribe((event) => b.push(event));
    contexts[0].emit('logAdded', { folderId: 'f1', file: 'dataset2.csv' });
    stop();
    contexts[0].emit('logReset', { folderId: 'f1', file: 'dataset2.csv', reason: 'shrunk' });
    expect(a).toEqual([
      ['logAdded', { folderId: 'f1', file: 'dataset2.csv' }],
      ['logReset', { folderId: 'f1', file: 'dataset2.csv', reason: 'shrunk' }],
    ]);
    expect(b).toEqual(['logAdded', 'logReset']);
  });

  it('answers the host calls: media URLs for safe paths, reveal inside the folder only', async () => {
    const app = await createApp({ dataDir: base, host, services: fakeServices([], [], []) });
    expect(await app.dispatch('media.url', { folderId: 'f1', path: 'img/a b.png', thumb: 128 })).toEqual({
      ok: true,
      value: { url: '/thumb/f1/img/a%20b.png?w=128&token=tok' },
    });
    expect(await app.dispatch('media.url', { folderId: 'f1', path: '../x.png' })).toMatchObject({
      ok: false,
    });
    expect(await app.dispatch('media.url', { folderId: 'nope', path: 'a.png' })).toMatchObject({ ok: false });
    expect(await app.dispatch('file.reveal', { folderId: 'f1', path: 'img/a.png' })).toEqual({
      ok: true,
      value: {},
    });
    expect(revealed).toEqual([join(root, 'img', 'a.png')]);
    expect(await app.dispatch('file.reveal', { folderId: 'f1', path: 'img/../../secret' })).toMatchObject({
      ok: false,
    });
    expect(await app.dispatch('workspace.pickFolder', {})).toMatchObject({
      ok: false,
      error: { code: 'unavailable' },
    });
  });

  it('serves media of the folders the services name', async () => {
    const app = await createApp({ dataDir: base, host, services: fakeServices([], [], []) });
    const response = await app.media.respond({ kind: 'media', folderId: 'f1', path: 'img/a.png' });
    response.body?.destroy();
    expect([response.status, response.headers['Content-Type']]).toEqual([200, 'image/png']);
  });
});
