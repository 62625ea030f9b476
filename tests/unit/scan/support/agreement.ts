// The byte scanner (ByteRecordSource) against the reader's csv-parse RecordSource, the reference:
// on given files, and on random CSV (fast-check). Shared by the unit suite and the long suite.
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { ByteRecordSource } from '../../../support/byte-record-source';
import { CsvRecordSource } from '../../../../src/main/gradio/csv-record-source';
import type { CsvDialect, RawRecord, RecordSource } from '../../../../src/main/gradio/log-model';

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
export async function expectAgreement(
  file: string,
  dialect: CsvDialect,
  chunkBytes?: number,
  final = true,
): Promise<void> {
  const reference = await all(new CsvRecordSource(), file, dialect, final);
  const mine = await all(new ByteRecordSource({ chunkBytes }), file, dialect, final);
  expect(mine, file).toEqual(reference);
}

/** Random CSV pieces (quotes, doubled quotes, CR/LF, NUL, multi-byte, a non-UTF-8 byte), `numRuns` cases. */
export async function agreesOnRandomCsv(numRuns: number): Promise<void> {
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
    { numRuns },
  );
  rmSync(dir, { recursive: true, force: true });
}
