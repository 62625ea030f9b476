// The byte scanner (ByteRecordSource) against the reader's csv-parse RecordSource, the reference:
// on given files, and on random CSV (fast-check). Shared by the unit suite and the long suite.
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { ByteRecordSource } from '../../../../src/main/log-index/scan-record-source';
import { CsvRecordSource } from '../../../../src/main/gradio/csv-record-source';
import type { CsvDialect, RawRecord, RecordSource } from '../../../../src/main/gradio/log-model';
import { sniffDialect } from '../../../../src/main/gradio/sniff-dialect';

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

/**
 * Random CSV pieces (quotes, doubled quotes, `\r`, `\n` and `\r\n`, NUL, multi-byte, a non-UTF-8 byte),
 * `numRuns` cases; logs of each line end (LF, CRLF, lone CR) with stray quotes among them.
 */
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
  let loneCrFiles = 0;
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
        // The line end is the log's, decided from its first record (a third of the files that have
        // one start with a lone CR); the quote is drawn, so both kinds meet every line end.
        const { lineEnd } = (await sniffDialect(file)).dialect;
        const dialect: CsvDialect = { quote, encoding: 'utf-8', bomLength: 0, ...(lineEnd && { lineEnd }) };
        if (lineEnd) loneCrFiles += 1;
        await expectAgreement(file, dialect, chunkBytes, final);
      },
    ),
    { numRuns },
  );
  // The generator must keep producing lone-CR logs, or their agreement is not tested.
  expect(loneCrFiles).toBeGreaterThan(numRuns / 20);
  rmSync(dir, { recursive: true, force: true });
}
