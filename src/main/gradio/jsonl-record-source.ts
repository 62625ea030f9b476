// Records of the HF saver's `metadata.jsonl` (one JSON object per line): cells are the object's values
// in key order, strings as written and anything else as compact JSON, so cells read like CSV cells.
import { fs } from '../platform/node-fs';
import type { RawRecord, RecordSource } from './log-model';
import { decodeCellBytes } from './cell-text';
import { lineAt } from './line-starts';
import { recordHash } from './record-hash';

export class JsonlRecordSource implements RecordSource {
  async *records(
    file: string,
    _dialect: unknown,
    options: { start?: number; line?: number; final?: boolean } = {},
  ): AsyncIterable<RawRecord> {
    let offset = options.start ?? 0;
    let line = options.line ?? (await lineAt(file, offset));
    let pending = Buffer.alloc(0);
    for await (const chunk of fs.createReadStream(file, { start: offset })) {
      pending = Buffer.concat([pending, chunk as Buffer]);
      for (let at = pending.indexOf(0x0a); at >= 0; at = pending.indexOf(0x0a)) {
        const record = toRecord(pending.subarray(0, at + 1), offset, line);
        if (record) yield record;
        offset += at + 1;
        line += 1;
        pending = pending.subarray(at + 1);
      }
    }
    // Gradio writes this file once, without a trailing newline: the last line is complete when final.
    if (options.final && pending.length > 0) {
      const record = toRecord(pending, offset, line);
      if (record) yield record;
    }
  }
}

function toRecord(bytes: Buffer, start: number, line: number): RawRecord | undefined {
  const { text, problem } = decodeCellBytes(bytes.toString('latin1'), 'utf-8');
  if (text.trim() === '') return undefined;
  const located: Omit<RawRecord, 'cells'> = {
    line,
    start,
    end: start + bytes.length,
    hash: recordHash(bytes),
  };
  if (text.endsWith('\n')) located.eol = text.endsWith('\r\n') ? 'crlf' : 'lf';
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return {
      ...located,
      cells: [],
      error: { line, message: `not a JSON line: ${(error as Error).message}` },
    };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ...located, cells: [], error: { line, message: 'JSON line is not an object' } };
  }
  const cells = Object.values(value).map(cellOf);
  return problem
    ? { ...located, cells, error: { line, message: `${problem} in line` } }
    : { ...located, cells };
}

function cellOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The keys of the first object of a metadata.jsonl file: its header. */
export function jsonlHeader(firstLine: string): string[] {
  const value: unknown = JSON.parse(firstLine);
  return value && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : [];
}
