import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvLoggerShape } from './csv-logger-shape';
import { recordHash } from '../../../src/main/gradio/record-hash';
import { Interner } from '../../../src/main/log-index/intern';
import { LogIndex } from '../../../src/main/log-index/log-index';
import { indexLog } from '../../../src/main/log-index/index-log';
import { readRecords, readRowHashes } from '../../../src/main/log-index/read-records';

const HEADER = 'text,flag,username,timestamp\r\n';

async function indexed(rows: string[]): Promise<LogIndex> {
  const path = join(mkdtempSync(join(tmpdir(), 'flagdeck-rows-')), 'log.csv');
  writeFileSync(path, HEADER + rows.join(''));
  const log = new LogIndex(path, csvLoggerShape('log.csv', HEADER));
  await indexLog(log, { reasons: new Interner(), usernames: new Interner() }, { final: true });
  return log;
}

describe('readRowHashes', () => {
  it('gives each asked row the hash of its own bytes, the same as its decoded record carries', async () => {
    const rows = [
      'plain,,,2024-01-01 00:00:00\r\n',
      '"two\nlines, quoted",bad,ann,2024-01-01 00:00:01\r\n',
      `${'x'.repeat(100_000)},,,2024-01-01 00:00:02\r\n`,
      'last,,,2024-01-01 00:00:03',
    ];
    const log = await indexed(rows);
    const asked = [3, 0, 2, 1, 0];
    const hashes = await readRowHashes(log, asked);
    expect(hashes).toEqual(asked.map((row) => recordHash(Buffer.from(rows[row]))));
    expect(hashes).toEqual((await readRecords(log, asked)).map((record) => record.hash));
  });
});
