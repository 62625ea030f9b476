// The HF saver (separate_dirs=True) writes a `<uuid>/metadata.jsonl` per flagged sample, at once and
// without a line end: a sample flagged while the folder is followed joins it. Such a file's first
// line never got whole by a line end, and the new sample was never added; its row was read once the
// file had rested for 1.5 s, where a whole JSON object is a whole record at once.
import { afterEach, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWorkspace, type Workspace } from '../../../src/main/workspace/workspace';
import { hasWholeFirstLine } from '../../../src/main/workspace/new-log-files';
import { until } from '../../support/until';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const undo of cleanup.splice(0)) await undo();
});

/** Real Gradio 4.44.1 output: three sample folders of the HF saver. */
const SAVED = join(import.meta.dirname, '../../fixtures/gradio/4.44.1/hf_saver_dirs/flagged/demo-flags');

describe('a sample folder the HF saver writes while the folder is followed', () => {
  it('joins the workspace with its row', async () => {
    const root = mkdtempSync(join(tmpdir(), 'flagdeck-new-sample-'));
    cpSync(SAVED, root, { recursive: true });
    const added: string[] = [];
    const ws: Workspace = createWorkspace({
      emit: (event, payload) => void (event === 'logAdded' && added.push((payload as { file: string }).file)),
      pollMs: 100,
      // Never quiet long enough: a sample's row (no line end) is read because it is a whole object.
      timing: { recheckMs: 40, finalQuietMs: 60_000 },
    });
    cleanup.push(() => ws.dispose());
    await ws.open([root]);
    await ws.whenIndexed();
    await ws.whenIdle();
    const [sample] = readdirSync(SAVED).filter((name) => name.includes('-'));
    const fresh = '0d2c6a3e-5b1f-4c7a-9e8d-7f6a5b4c3d2e';
    cpSync(join(SAVED, sample), join(root, fresh), { recursive: true });
    await until(() => added.includes(`${fresh}/metadata.jsonl`), 'the new sample folder to join');
    await until(
      () => ws.info().folders[0].logs.reduce((rows, log) => rows + log.rows, 0) === 4,
      'its row to be read',
    );
  });
});

describe('the first line of a possible new log', () => {
  const dir = mkdtempSync(join(tmpdir(), 'flagdeck-first-line-'));
  const file = (name: string, text: string): string => {
    mkdirSync(join(dir, name));
    writeFileSync(join(dir, name, 'metadata.jsonl'), text);
    return join(dir, name, 'metadata.jsonl');
  };

  it('is whole when a JSON-lines file holds a whole object without its line end', async () => {
    expect(await hasWholeFirstLine(file('whole', '{"text": "a", "flag": ""}'))).toBe(true);
    expect(await hasWholeFirstLine(file('ended', '{"text": "a"}\n'))).toBe(true);
  });

  it('is not, while the object is being written or is not an object', async () => {
    expect(await hasWholeFirstLine(file('cut', '{"text": "a", "fl'))).toBe(false);
    expect(await hasWholeFirstLine(file('array', '["a"]'))).toBe(false);
    expect(await hasWholeFirstLine(file('empty', ''))).toBe(false);
    writeFileSync(join(dir, 'dataset1.csv'), 'text,flag,timestamp');
    expect(await hasWholeFirstLine(join(dir, 'dataset1.csv'))).toBe(false);
  });
});
