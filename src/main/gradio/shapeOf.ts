// A log's shape from its header and first records: layout, dialect, named columns with kinds, roles.
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import type { Column, LogIssue } from '../../shared/model';
import type { CsvDialect, LogShape, RawRecord, RecordSource } from './contracts';
import type { AssetResolver } from './assetResolver';
import { readCell } from './cellReading';
import { KindVotes } from './columnKinds';
import { jsonlHeader } from './jsonlRecordSource';
import { readLayout, type LayoutReading } from './layout';
import { sniffDialect } from './sniffDialect';

/** Data records whose cells decide column kinds. */
export const SAMPLE_ROWS = 200;

export async function shapeOf(
  root: string,
  file: string,
  source: RecordSource,
  resolver: AssetResolver,
): Promise<LogShape> {
  const absolute = join(root, file);
  if (file.endsWith('.jsonl')) return jsonlShape(root, file, source, resolver);
  const sniffed = await sniffDialect(absolute);
  let dialect = sniffed.dialect;
  let records = await firstRecords(source, absolute, dialect, SAMPLE_ROWS + 1);
  let reading = readLayout(file, records[0]?.cells, dialect.quote);
  if (sniffed.invalidUtf8 && reading.layout === 'simple') {
    // SimpleCSVLogger ≤ 4.31 wrote with the platform encoding: cp1252 on Windows.
    dialect = { ...dialect, encoding: 'windows-1252' };
    records = await firstRecords(source, absolute, dialect, SAMPLE_ROWS + 1);
    reading = readLayout(file, records[0]?.cells, dialect.quote);
    reading.warnings.push('not UTF-8: read as Windows-1252 (SimpleCSVLogger on Windows before Gradio 4.32)');
  }
  const headerRecord = reading.hasHeader ? records[0] : undefined;
  const data = records.slice(reading.hasHeader ? 1 : 0);
  const shape: LogShape = {
    file,
    layout: reading.layout,
    dialect,
    dataStart: headerRecord ? headerRecord.end : dialect.bomLength,
    dataLine: headerRecord ? headerRecord.line + 1 : 1,
    header: headerRecord ? headerRecord.cells : null,
    columns: await columnsOf(reading, data, resolver, join(absolute, '..')),
    roles: reading.roles,
    warnings: reading.warnings,
    issues: [],
  };
  if (dialect.bomLength > 0)
    shape.issues.push({ line: 1, message: 'UTF-8 byte-order mark at the start of the file (skipped)' });
  if (sniffed.size === 0) shape.issues.push({ line: 1, message: 'empty file: no header and no rows' });
  else if (headerRecord && !data.some((record) => record.cells.length > 0))
    shape.warnings.push('header only: no rows yet');
  return shape;
}

async function firstRecords(
  source: RecordSource,
  file: string,
  dialect: CsvDialect,
  count: number,
): Promise<RawRecord[]> {
  const records: RawRecord[] = [];
  for await (const record of source.records(file, dialect, { start: 0, line: 1, final: true })) {
    // The header must be a readable record; broken records before it are skipped here and reported later.
    if (records.length === 0 && record.cells.length === 0) continue;
    records.push(record);
    if (records.length >= count) break;
  }
  return records;
}

async function columnsOf(
  reading: LayoutReading,
  data: RawRecord[],
  resolver: AssetResolver,
  logDir: string,
): Promise<Column[]> {
  const width = Math.max(reading.width, ...data.map((record) => record.cells.length));
  const votes = new KindVotes();
  for (const record of data) {
    for (const [index, raw] of record.cells.entries()) {
      if (reading.fixed.has(index)) continue;
      const cell = await readCell(raw, resolver, logDir);
      votes.add(index, cell.kind, cell.hint);
    }
  }
  return Array.from({ length: width }, (_, index) => columnAt(reading, index, votes));
}

export function columnAt(
  reading: Pick<LayoutReading, 'names' | 'fixed'>,
  index: number,
  votes: KindVotes,
): Column {
  const kind = reading.fixed.get(index) ?? votes.winner(index);
  const name = reading.names[index];
  return name === undefined
    ? { index, name: `column ${index + 1}`, kind, unnamed: true }
    : { index, name, kind };
}

async function jsonlShape(
  root: string,
  file: string,
  source: RecordSource,
  resolver: AssetResolver,
): Promise<LogShape> {
  const absolute = join(root, file);
  const dialect: CsvDialect = { quote: '"', bomLength: 0, encoding: 'utf-8', format: 'jsonl' };
  const handle = await open(absolute, 'r');
  let firstLine: string;
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    firstLine = buffer.subarray(0, bytesRead).toString('utf8').split('\n')[0];
  } finally {
    await handle.close();
  }
  let names: string[] = [];
  const issues: LogIssue[] = [];
  try {
    names = jsonlHeader(firstLine);
  } catch (error) {
    issues.push({ line: 1, message: `not a JSON line: ${(error as Error).message}` });
  }
  const records: RawRecord[] = [];
  for await (const record of source.records(absolute, dialect, { start: 0, line: 1, final: true })) {
    records.push(record);
    if (records.length >= SAMPLE_ROWS) break;
  }
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
  return {
    file,
    layout: 'hf-saver-jsonl',
    dialect,
    dataStart: 0,
    dataLine: 1,
    header: names,
    columns: await columnsOf(reading, records, resolver, join(absolute, '..')),
    roles: reading.roles,
    warnings: reading.warnings,
    issues,
  };
}
