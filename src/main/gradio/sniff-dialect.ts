// Looks at a log's first bytes to choose how to split it into records.
import { open } from 'node:fs/promises';
import type { CsvDialect } from './log-model';
import { endsWithLoneCr } from './line-end';

const SNIFF_BYTES = 64 * 1024;
/** A complete `'`-quoted first field (Gradio ≤ 3.1.7), not a `'`-escaped `'-x` cell. */
const SINGLE_QUOTED_FIRST_FIELD = /^'(?:[^'\r\n]|'')*'(?:,|\r?\n|$)/;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export interface Sniffed {
  dialect: CsvDialect;
  /** The sniffed bytes are not valid UTF-8 (an incomplete character at the cut is allowed). */
  invalidUtf8: boolean;
  size: number;
}

export async function sniffDialect(file: string, format?: 'jsonl'): Promise<Sniffed> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const buffer = Buffer.alloc(Math.min(size, SNIFF_BYTES));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const head = buffer.subarray(0, bytesRead);
    const bomLength = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
    const body = head.subarray(bomLength);
    const quote = SINGLE_QUOTED_FIRST_FIELD.test(body.subarray(0, 4096).toString('latin1')) ? "'" : '"';
    const dialect: CsvDialect = { quote, bomLength, encoding: 'utf-8' };
    if (format) dialect.format = format;
    else if (endsWithLoneCr(body, quote.charCodeAt(0), bytesRead === size)) dialect.lineEnd = 'cr';
    return { dialect, invalidUtf8: !isUtf8(body, bytesRead < size), size };
  } finally {
    await handle.close();
  }
}

function isUtf8(bytes: Buffer, truncated: boolean): boolean {
  // A cut may split one character: drop up to 3 trailing bytes before judging.
  for (let drop = 0; drop <= (truncated ? 3 : 0); drop += 1) {
    try {
      strictUtf8.decode(bytes.subarray(0, bytes.length - drop));
      return true;
    } catch {
      // try a shorter cut
    }
  }
  return false;
}
