// Turns a cell's bytes (carried as a latin1 string, one char per byte) into text, noting what was wrong.
import type { CsvDialect } from './log-model';

const cp1252 = new TextDecoder('windows-1252');
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const looseUtf8 = new TextDecoder('utf-8');
/** Printable ASCII, tab, CR and LF: nothing to decode and nothing to flag. */
const PLAIN_ASCII = /^[\t\n\r\x20-\x7e]*$/;

export interface DecodedCell {
  text: string;
  problem?: 'invalid UTF-8' | 'NUL byte';
}

export function decodeCellBytes(latin1: string, encoding: CsvDialect['encoding']): DecodedCell {
  if (PLAIN_ASCII.test(latin1)) return { text: latin1 };
  const bytes = Buffer.from(latin1, 'latin1');
  let text: string;
  let problem: DecodedCell['problem'];
  if (encoding === 'windows-1252') {
    text = cp1252.decode(bytes);
  } else {
    try {
      text = strictUtf8.decode(bytes);
    } catch {
      text = looseUtf8.decode(bytes);
      problem = 'invalid UTF-8';
    }
  }
  // A NUL is never meaningful in a Gradio cell and breaks display and search downstream.
  if (text.includes('\0')) {
    text = text.replaceAll('\0', '\uFFFD');
    problem ??= 'NUL byte';
  }
  return problem ? { text, problem } : { text };
}
