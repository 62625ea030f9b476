// Opening paths through the real services, as both hosts do: bad paths are refused as bad input
// with what is wrong (and leave no trace), and a log reached twice belongs to one folder only.
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallResult } from '../../../src/shared/api';
import { createApp, type App } from '../../../src/main/app/compose';
import { webHostServices } from '../../../src/main/app/host-services';
import { createServices } from '../../../src/main/app/services';

const demo = join(import.meta.dirname, '../../fixtures/gradio/5.50.0/flagging_options');
let base: string;
let app: App;

beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'flagdeck-open-'));
  await cp(demo, join(base, 'demo'), { recursive: true });
  app = await createApp({
    dataDir: join(base, 'data'),
    host: webHostServices('t'),
    services: createServices,
    reviewer: 'tester',
  });
});

afterEach(async () => {
  await app.close();
  await rm(base, { recursive: true, force: true });
});

const flagged = (): string => join(base, 'demo', '.gradio', 'flagged');

async function open(...paths: string[]): Promise<CallResult> {
  return app.dispatch('workspace.open', { paths });
}

async function folders(): Promise<{ path: string; logs: { file: string }[] }[]> {
  const result = await app.dispatch('workspace.info', {});
  if (!result.ok) throw new Error(result.error.message);
  return (result.value as { folders: { path: string; logs: { file: string }[] }[] }).folders;
}

async function recent(): Promise<string[]> {
  const result = await app.dispatch('workspace.recent', {});
  return result.ok ? (result.value as { paths: string[] }).paths : [];
}

function refusal(result: CallResult): { code: string; message: string } {
  if (result.ok) throw new Error('the open was accepted');
  return result.error;
}

describe('workspace.open refuses bad paths, saying what is wrong', () => {
  it('a path that does not exist', async () => {
    const error = refusal(await open(join(base, 'nonexistent')));
    expect(error.code).toBe('not-found');
    expect(error.message).toBe(`${join(base, 'nonexistent')} does not exist`);
  });

  it('a file, naming the folder that holds it', async () => {
    const log = join(flagged(), 'dataset1.csv');
    const error = refusal(await open(log));
    expect(error.code).toBe('invalid-input');
    expect(error.message).toBe(
      `${log} is a file, not a folder: open the folder that holds it (${flagged()})`,
    );
  });

  it.skipIf(process.getuid?.() === 0)(
    'a folder that cannot be read (skipped as root: root reads anything)',
    async () => {
      const locked = join(base, 'locked');
      await mkdir(locked, { mode: 0o000 });
      const error = refusal(await open(locked));
      expect(error.code).toBe('invalid-input');
      expect(error.message).toMatch(/cannot be read \(EACCES\)/);
    },
  );

  it('a folder without a flagging log: says where Gradio puts one, writes nothing, adds no Recent entry', async () => {
    const empty = join(base, 'empty');
    await mkdir(empty);
    await writeFile(join(empty, 'notes.txt'), 'not a log');
    const error = refusal(await open(empty));
    expect(error.code).toBe('not-found');
    expect(error.message).toContain(`${empty}: no flagging log in this folder`);
    expect(error.message).toContain('flagged/');
    expect(error.message).toContain('.gradio/flagged/');
    expect(existsSync(join(empty, '.flagdeck'))).toBe(false);
    expect(await folders()).toEqual([]);
    expect(await recent()).toEqual([]);
  });

  it('opens the good paths of a list and refuses the bad ones, naming each', async () => {
    const error = refusal(await open(join(base, 'gone'), flagged(), join(base, 'also-gone')));
    expect(error.message).toBe(
      `${join(base, 'gone')} does not exist; ${join(base, 'also-gone')} does not exist`,
    );
    expect((await folders()).map((f) => f.path)).toEqual([flagged()]);
    expect(await recent()).toEqual([flagged()]);
  });
});

describe('a log belongs to one open folder, however it was reached', () => {
  it('the same folder by a trailing slash, a `..` detour or a symlink is one folder', async () => {
    await symlink(flagged(), join(base, 'link'));
    expect((await open(flagged())).ok).toBe(true);
    for (const alias of [`${flagged()}/`, join(flagged(), '..', 'flagged'), join(base, 'link')]) {
      expect((await open(alias)).ok).toBe(true);
    }
    expect((await folders()).map((f) => f.path)).toEqual([flagged()]);
  });

  it('a parent of an open folder brings only the logs no folder holds, and is refused when it has none', async () => {
    expect((await open(flagged())).ok).toBe(true);
    const parent = refusal(await open(join(base, 'demo')));
    expect(parent.code).toBe('invalid-input');
    expect(parent.message).toBe(`${join(base, 'demo')}: its flagging logs are already open, in ${flagged()}`);
    expect(existsSync(join(base, 'demo', '.flagdeck'))).toBe(false);

    await writeFile(
      join(base, 'demo', 'log.csv'),
      'text,flag,username,timestamp\r\nhi,,,2024-01-01 00:00:00\r\n',
    );
    expect((await open(join(base, 'demo'))).ok).toBe(true);
    const files = (await folders()).map((f) => [f.path, f.logs.map((l) => l.file)]);
    expect(files).toEqual([
      [flagged(), ['dataset1.csv']],
      [join(base, 'demo'), ['log.csv']],
    ]);
  });

  it('a child of an open folder is refused: its log is already open in the parent', async () => {
    expect((await open(join(base, 'demo'))).ok).toBe(true);
    const child = refusal(await open(flagged()));
    expect(child.message).toBe(`${flagged()}: its flagging logs are already open, in ${join(base, 'demo')}`);
    expect((await folders()).map((f) => f.logs.map((l) => l.file))).toEqual([
      ['.gradio/flagged/dataset1.csv'],
    ]);
  });
});
