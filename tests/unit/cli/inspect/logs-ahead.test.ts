// `flagdeck inspect` of a folder of the HF saver's sample folders summarizes several of their small
// JSON-lines logs at once (one at a time left its thread waiting on the disk), reports every log
// in the folder's order all the same, and still summarizes a CSV log, which may take both cores,
// only when no other CSV log is being summarized.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  inspectFolder,
  summarizeByReading,
  type LogSummarizer,
} from '../../../../src/main/cli/inspect/inspect-folder';
import { FolderReader } from '../../../../src/main/gradio/reader';
import { summarizeByIndex } from '../../../../src/main/cli/inspect/summarize-by-index';
import { countCalls } from '../../../support/counted-calls.mjs';

const SAMPLES = 60;

function sampleFoldersAndLogs(): string {
  const root = mkdtempSync(join(tmpdir(), 'flagdeck-logs-ahead-'));
  for (let i = 0; i < SAMPLES; i++) {
    const dir = join(root, `0f8e2b1c-1111-4222-8333-${String(i).padStart(12, '0')}`);
    mkdirSync(dir);
    const row = { text: `sample ${i}`, flag: i % 3 ? '' : 'wrong', username: '', timestamp: '' };
    writeFileSync(join(dir, 'metadata.jsonl'), JSON.stringify(row));
  }
  for (const name of ['a.csv', 'm.csv', 'z.csv'])
    writeFileSync(
      join(root, name),
      'text,flag,timestamp\none,,2024-01-01 00:00:00\ntwo,,2024-01-01 00:00:01\n',
    );
  return root;
}

/** summarizeByReading, slowed by a random few milliseconds, counting what runs at once. */
function watchedSummarizer() {
  const running = { jsonl: 0, csv: 0 };
  const most = { jsonl: 0, csv: 0 };
  const summarize: LogSummarizer = async (reader, root, file) => {
    const kind = file.endsWith('.jsonl') ? 'jsonl' : 'csv';
    running[kind]++;
    most[kind] = Math.max(most[kind], running[kind]);
    try {
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 6));
      return await summarizeByReading(reader, root, file);
    } finally {
      running[kind]--;
    }
  };
  return { summarize, most };
}

describe('inspect of many small logs', () => {
  it('reads several sample logs at once and reports each in the order one at a time gives', async () => {
    const root = sampleFoldersAndLogs();
    const { summarize, most } = watchedSummarizer();
    const ahead = await inspectFolder(root, summarize);
    const oneByOne = await inspectFolder(root);
    expect(ahead.report.logs.map((log) => log.file)).toEqual(await new FolderReader().findLogs(root));
    expect(ahead).toEqual(oneByOne);
    expect(ahead.report.logs).toHaveLength(SAMPLES + 3);
    expect(ahead.report.logs.reduce((rows, log) => rows + log.rows, 0)).toBe(SAMPLES + 6);
    expect(most.jsonl).toBeGreaterThan(1);
    expect(most.jsonl).toBeLessThanOrEqual(16);
    expect(most.csv).toBe(1);
  });

  it('reads each sample log once: its rows come from the read that found its shape', async () => {
    const root = sampleFoldersAndLogs();
    const counting = countCalls('open', { callbacks: true });
    try {
      const inspection = await inspectFolder(root, summarizeByIndex());
      expect(inspection.report.logs.reduce((rows, log) => rows + log.rows, 0)).toBe(SAMPLES + 6);
    } finally {
      counting.undo();
    }
    for (const i of [0, 7, SAMPLES - 1]) {
      const log = join(root, `0f8e2b1c-1111-4222-8333-${String(i).padStart(12, '0')}`, 'metadata.jsonl');
      expect(counting.calls(log), log).toBe(1);
    }
  });

  it("says which sample log failed, in its place, and still fails on the code's own fault", async () => {
    const root = sampleFoldersAndLogs();
    const failing = '0f8e2b1c-1111-4222-8333-000000000007/metadata.jsonl';
    const refused = Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO', syscall: 'read' });
    const summarize: LogSummarizer = async (reader, dir, file) => {
      if (file === failing) throw refused;
      return summarizeByReading(reader, dir, file);
    };
    const inspection = await inspectFolder(root, summarize);
    expect(inspection.report.logs.map((log) => log.file)).not.toContain(failing);
    expect(inspection.report.logs).toHaveLength(SAMPLES + 2);
    expect(inspection.report.problems).toEqual([`${failing} cannot be read: EIO: i/o error, read`]);
    const broken: LogSummarizer = async (reader, dir, file) => {
      if (file === failing) throw new TypeError('cannot read properties of undefined');
      return summarizeByReading(reader, dir, file);
    };
    await expect(inspectFolder(root, broken)).rejects.toThrow(TypeError);
  });
});
