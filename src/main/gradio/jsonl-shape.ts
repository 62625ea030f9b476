// The shape of a HuggingFaceDatasetSaver `metadata.jsonl` (separate_dirs mode): its keys are the header.
import { dirname, join } from 'node:path';
import type { CsvDialect, LogShape, RawRecord, RecordSource } from './log-model';
import type { AssetResolver } from './asset-resolver';
import { jsonlHeader, wholeJsonlSource } from './jsonl-record-source';
import type { LayoutReading } from './layout';
import { PROBE_ROWS, columnsOf } from './column-probe';
import { keepWholeFile, type WholeFile } from './whole-file';
import { readFileHead } from '../platform/file-calls';

const HEAD_BYTES = 64 * 1024;

export async function jsonlShape(
  root: string,
  file: string,
  source: RecordSource,
  resolver: AssetResolver,
): Promise<LogShape> {
  const absolute = join(root, file);
  const dialect: CsvDialect = { quote: '"', bomLength: 0, encoding: 'utf-8', format: 'jsonl' };
  const head = await readHead(absolute);
  const names = firstObjectKeys(head.bytes);
  // The HF saver writes a one-line file per flagged sample: read once, not again for its records.
  const records = await probeRecords(head.whole ? wholeJsonlSource(head.whole) : source, absolute, dialect);
  const reading: LayoutReading = {
    layout: 'hf-saver-jsonl',
    hasHeader: false,
    names,
    width: names.length,
    roles: {},
    fixed: new Map(),
    warnings: [],
  };
  for (const role of ['flag', 'username'] as const) {
    const index = names.lastIndexOf(role);
    if (index < 0) continue;
    reading.roles[role] = index;
    reading.fixed.set(index, role);
  }
  const shape: LogShape = {
    file,
    layout: 'hf-saver-jsonl',
    dialect,
    dataStart: 0,
    dataLine: 1,
    header: names,
    columns: await columnsOf(reading, records, resolver, dirname(absolute)),
    roles: reading.roles,
    warnings: reading.warnings,
    issues: [],
  };
  if (head.whole) keepWholeFile(shape, head.whole);
  return shape;
}

/** The file's first bytes (up to HEAD_BYTES, read at once), and the whole file when they are all of it. */
async function readHead(file: string): Promise<{ bytes: Buffer; whole: WholeFile | undefined }> {
  const { bytes, stat } = await readFileHead(file, HEAD_BYTES);
  const { size, mtimeMs, ino } = stat;
  // Stat'ed before the read: bytes written in between are past `size` (not read), or rewrite
  // bytes within it, and then the file's time differs from the one kept at its next stat.
  const whole = bytes.length === size ? { bytes, size, mtimeMs, ino, at: Date.now() } : undefined;
  return { bytes, whole };
}

async function probeRecords(source: RecordSource, file: string, dialect: CsvDialect): Promise<RawRecord[]> {
  const records: RawRecord[] = [];
  for await (const record of source.records(file, dialect, { start: 0, line: 1, final: true })) {
    records.push(record);
    if (records.length >= PROBE_ROWS) break;
  }
  return records;
}

/** Keys of the first line that is a JSON object (broken lines are reported by the record source). */
function firstObjectKeys(head: Buffer): string[] {
  for (const line of head.toString('utf8').split('\n')) {
    try {
      const keys = jsonlHeader(line);
      if (keys.length > 0) return keys;
    } catch {
      // not a JSON line: try the next one
    }
  }
  return [];
}
