// A column is found from its records' ends only where that reads the same (every row with as many
// fields, no quote kept literally) and walks fewer bytes than from their starts.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FolderReader } from '../../../src/main/gradio/reader';
import { Interner } from '../../../src/main/log-index/intern';
import { indexOneLog } from '../../../src/main/log-index/index-folder';
import { fromEndFields } from '../../../src/main/query/read-direction';

const root = mkdtempSync(join(tmpdir(), 'flagdeck-direction-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function logOf(file: string, rows: string[]) {
  writeFileSync(join(root, file), ['prompt,output,label,flag,username,timestamp', ...rows].join('\n') + '\n');
  const shape = await new FolderReader().shapeOf(root, file);
  return indexOneLog(root, shape, { reasons: new Interner(), usernames: new Interner() });
}

const long = `"${'{""path"": ""a/b.png""} '.repeat(20)}"`;
const row = (prompt: string, i: number) => `${prompt},out ${i},cat,,ann,2024-01-01 00:00:0${i % 10}`;

describe('the end a column is found from', () => {
  it('is the end when fewer bytes follow it than come before it', async () => {
    const log = await logOf(
      'long-inputs.csv',
      Array.from({ length: 80 }, (_, i) => row(long, i)),
    );
    expect(fromEndFields(log, 2)).toBe(6);
    expect(fromEndFields(log, 1)).toBe(6);
    expect(fromEndFields(log, 0)).toBe(0);
  });

  it('is the start when fewer bytes come before it', async () => {
    const log = await logOf(
      'short-inputs.csv',
      Array.from({ length: 80 }, (_, i) => row('hi', i)),
    );
    expect(fromEndFields(log, 1)).toBe(0);
  });

  it('is the start in a log with a ragged row or a quote kept literally', async () => {
    const ragged = await logOf('ragged.csv', [row(long, 0), `${long},out,cat,,ann`, row(long, 2)]);
    expect(fromEndFields(ragged, 2)).toBe(0);
    const literal = await logOf('literal.csv', [row(long, 0), row('say "hi"', 1)]);
    expect(fromEndFields(literal, 2)).toBe(0);
  });
});
