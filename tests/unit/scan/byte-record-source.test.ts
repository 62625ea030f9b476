import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ByteRecordSource } from '../../support/byte-record-source';
import { CsvRecordSource } from '../../../src/main/gradio/csv-record-source';
import { sniffDialect } from '../../../src/main/gradio/sniff-dialect';
import type { CsvDialect, RawRecord, RecordSource } from '../../../src/main/gradio/log-model';
import { needsRealWorld, REAL_WORLD, realWorldMissing } from '../../support/real-world';

const FIXTURES = join(__dirname, '../../fixtures');

function csvFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    if (name === '.venvs' || name === 'node_modules') return [];
    if (statSync(path).isDirectory()) return csvFiles(path);
    return name.endsWith('.csv') ? [path] : [];
  });
}

async function all(
  source: RecordSource,
  file: string,
  dialect: CsvDialect,
  final = true,
): Promise<RawRecord[]> {
  const records: RawRecord[] = [];
  for await (const record of source.records(file, dialect, { final })) records.push(record);
  return records;
}

/** The reader's csv-parse RecordSource is the reference; the byte scanner must give the same records. */
async function expectAgreement(
  file: string,
  dialect: CsvDialect,
  chunkBytes?: number,
  final = true,
): Promise<void> {
  const reference = await all(new CsvRecordSource(), file, dialect, final);
  const mine = await all(new ByteRecordSource({ chunkBytes }), file, dialect, final);
  expect(mine, file).toEqual(reference);
}

describe('ByteRecordSource agrees with the csv-parse RecordSource', () => {
  const files = [...csvFiles(REAL_WORLD), ...csvFiles(FIXTURES)];

  it.skipIf(realWorldMissing)(needsRealWorld('finds the real-world corpus'), () => {
    expect(csvFiles(REAL_WORLD).length).toBeGreaterThanOrEqual(40);
  });

  it.each(files)('%s', async (file) => {
    const { dialect } = await sniffDialect(file);
    await expectAgreement(file, dialect);
    // Tiny reads put chunk edges inside quotes, doubled quotes and `\r\n`.
    await expectAgreement(file, dialect, 7);
    // While a writer may still be appending: complete records only.
    await expectAgreement(file, dialect, 7, false);
  });

  it('on random CSV (fast-check)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flagdeck-scan-'));
    const piece = fc.constantFrom(
      'a',
      'b',
      ',',
      '"',
      '""',
      "'",
      '\r',
      '\n',
      '\r\n',
      ' ',
      '\0',
      'é',
      '\u{1F600}',
      '\xff',
    );
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(piece, { maxLength: 60 }),
        fc.constantFrom<'"' | "'">('"', "'"),
        fc.integer({ min: 1, max: 16 }),
        fc.boolean(),
        async (pieces, quote, chunkBytes, final) => {
          const file = join(dir, `r${run++}.csv`);
          // '\xff' stands for a byte that is not UTF-8.
          const bytes = pieces.map((p) => (p === '\xff' ? Buffer.from([0xff]) : Buffer.from(p, 'utf8')));
          writeFileSync(file, Buffer.concat(bytes));
          const dialect: CsvDialect = { quote, encoding: 'utf-8', bomLength: 0 };
          await expectAgreement(file, dialect, chunkBytes, final);
        },
      ),
      { numRuns: 1500 },
    );
  });
});
