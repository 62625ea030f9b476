// A log the system refuses to read (EACCES, EIO…) leaves `flagdeck inspect` and the one-shot
// commands reporting the folder's other logs, and says which log was left out and why.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  inspectFolder,
  summarizeByReading,
  type LogSummarizer,
} from '../../../../src/main/cli/inspect/inspect-folder';
import { describe as describeInspection } from '../../../../src/main/cli/inspect/inspect-command';
import { folderProblemWarnings } from '../../../../src/main/cli/open-workspace';

const LOG = 'text,flag,timestamp\na,,2024-01-01 00:00:00\n';

function folder(): string {
  const root = mkdtempSync(join(tmpdir(), 'flagdeck-unreadable-'));
  writeFileSync(join(root, 'dataset1.csv'), LOG);
  writeFileSync(join(root, 'dataset2.csv'), LOG);
  return root;
}

/** The system's own error for a file it cannot open (as root, permissions refuse nothing). */
async function systemError(root: string): Promise<Error> {
  return open(join(root, 'no such folder', 'dataset2.csv')).then(
    () => new Error('opened'),
    (error: Error) => error,
  );
}

describe('a log the system refuses', () => {
  it("is named with the reason; the folder's other logs are reported", async () => {
    const root = folder();
    const refused = await systemError(root);
    const summarize: LogSummarizer = async (reader, dir, file) => {
      if (file === 'dataset2.csv') throw refused;
      return summarizeByReading(reader, dir, file);
    };
    const inspection = await inspectFolder(root, summarize);
    expect(inspection.report.logs.map((log) => [log.file, log.rows])).toEqual([['dataset1.csv', 1]]);
    expect(inspection.report.problems).toEqual([`dataset2.csv cannot be read: ${refused.message}`]);
    expect(describeInspection(inspection).split('\n').at(-1)).toBe(
      `problem: dataset2.csv cannot be read: ${refused.message}`,
    );
  });

  it('leaves the report without problems when every log is read', async () => {
    const inspection = await inspectFolder(folder());
    expect(inspection.report.logs).toHaveLength(2);
    expect('problems' in inspection.report).toBe(false);
  });

  it('is no cover for a fault of the code itself', async () => {
    const summarize: LogSummarizer = async () => {
      throw new TypeError('cannot read properties of undefined');
    };
    await expect(inspectFolder(folder(), summarize)).rejects.toThrow(TypeError);
  });

  it('is a warning of the one-shot commands (query, export, push, replay)', () => {
    const info = {
      revision: 1,
      folders: [
        {
          id: 'a',
          path: '/data/a',
          name: 'a',
          logs: [],
          readOnly: false,
          problems: ['dataset2.csv cannot be read: EACCES'],
        },
        { id: 'b', path: '/data/b', name: 'b', logs: [], readOnly: false, problems: [] },
      ],
    };
    expect(folderProblemWarnings(info)).toEqual(['flagdeck: /data/a: dataset2.csv cannot be read: EACCES']);
  });
});
