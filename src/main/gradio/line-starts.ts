// Byte-level scans that locate physical lines without loading a whole file.
import { fs } from '../platform/node-fs';

/** Offset of the first byte after the next `newline` at or after `from`, or the file's end. */
export async function nextLineStart(file: string, from: number, newline = 0x0a): Promise<number> {
  let offset = from;
  for await (const chunk of fs.createReadStream(file, { start: from })) {
    const buffer = chunk as Buffer;
    const at = buffer.indexOf(newline);
    if (at >= 0) return offset + at + 1;
    offset += buffer.length;
  }
  return offset;
}

/** 1-based line number of the byte at `offset`, lines ending at `newline`. */
export async function lineAt(file: string, offset: number, newline = 0x0a): Promise<number> {
  if (offset <= 0) return 1;
  let line = 1;
  for await (const chunk of fs.createReadStream(file, { start: 0, end: offset - 1 })) {
    const buffer = chunk as Buffer;
    for (let at = buffer.indexOf(newline); at >= 0; at = buffer.indexOf(newline, at + 1)) line += 1;
  }
  return line;
}
