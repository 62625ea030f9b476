// A small log read whole for its shape is kept with that shape, once: the open that asked for the
// shape takes its rows, its tail and its stat from that one read (workspace/log-tracking.ts).
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FolderReader } from '../../../src/main/gradio/reader';
import { takeWholeFile } from '../../../src/main/gradio/whole-file';

function folderWith(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'flagdeck-whole-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  return root;
}

const SAMPLE = 'f1e2d3c4-0000-4000-8000-000000000001/metadata.jsonl';

describe('a log read whole for its shape', () => {
  it('is kept with the shape, bytes and stat of the read, and given once', async () => {
    const root = folderWith({ [SAMPLE]: '{"text": "a", "flag": "wrong", "username": ""}' });
    const before = Date.now();
    const shape = await new FolderReader().shapeOf(root, SAMPLE);
    const whole = takeWholeFile(shape);
    const file = statSync(join(root, SAMPLE));
    expect(whole?.bytes.equals(readFileSync(join(root, SAMPLE)))).toBe(true);
    expect([whole?.size, whole?.mtimeMs, whole?.ino]).toEqual([file.size, file.mtimeMs, file.ino]);
    expect(whole?.at).toBeGreaterThanOrEqual(before);
    expect(takeWholeFile(shape)).toBeUndefined();
  });

  it('is not kept when the shape read a part of it, nor for a CSV log', async () => {
    const long = `{"text": "${'x'.repeat(70_000)}"}\n{"text": "b"}\n`;
    const root = folderWith({ [SAMPLE]: long, 'log.csv': 'text,flag\na,wrong\n' });
    const reader = new FolderReader();
    expect(takeWholeFile(await reader.shapeOf(root, SAMPLE))).toBeUndefined();
    expect(takeWholeFile(await reader.shapeOf(root, 'log.csv'))).toBeUndefined();
  });
});
