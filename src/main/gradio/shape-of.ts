// A log's shape from its header and first records: layout, dialect, named columns with kinds, roles.
import { dirname, join } from 'node:path';
import type { CsvDialect, LogShape, RawRecord, RecordSource } from './log-model';
import type { AssetResolver } from './asset-resolver';
import { jsonlShape } from './jsonl-shape';
import { examplesLayout, readLayout } from './layout';
import { PROBE_ROWS, columnsOf } from './column-probe';
import { sniffDialect } from './sniff-dialect';

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
  let records = await firstRecords(source, absolute, dialect, PROBE_ROWS + 1);
  let reading = readLayout(file, records[0]?.cells, dialect.quote);
  if (sniffed.invalidUtf8 && reading.layout === 'simple') {
    // SimpleCSVLogger ≤ 4.31 wrote with the platform encoding: cp1252 on Windows.
    dialect = { ...dialect, encoding: 'windows-1252' };
    records = await firstRecords(source, absolute, dialect, PROBE_ROWS + 1);
    reading = readLayout(file, records[0]?.cells, dialect.quote);
    reading.warnings.push('not UTF-8: read as Windows-1252 (SimpleCSVLogger on Windows before Gradio 4.32)');
  }
  if (reading.layout === 'simple' && records.length > 1) {
    const data = records.slice(1).map((record) => record.cells);
    reading = examplesLayout(records[0].cells, data) ?? reading;
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
    columns: await columnsOf(reading, data, resolver, dirname(absolute)),
    roles: reading.roles,
    warnings: reading.warnings,
    issues: [],
  };
  const last = data.at(-1);
  if (last) shape.probe = { rows: data.length, bytes: last.end - shape.dataStart };
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
