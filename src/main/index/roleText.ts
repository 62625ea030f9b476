// The display text of a flag reason or username cell, decoded once per distinct raw value.
import type { CsvDialect } from '../gradio/contracts';
import { decodeCellBytes } from '../gradio/cellText';
import { fieldBytes } from './csvField';

const ESCAPED_START = /^'[=+\-@\t\n]/;
const ESCAPED_INSIDE = /,[=+\-@\t\n]/;

/** Gradio prefixes cells that could run as spreadsheet formulas with `'`; take it off for display. */
export function withoutFormulaEscape(text: string): string {
  if (!text.startsWith("'")) return text;
  return ESCAPED_START.test(text) || ESCAPED_INSIDE.test(text) ? text.slice(1) : text;
}

/** Text of a role cell given as its raw bytes in latin1, or null when empty. */
export function roleText(raw: string, dialect: CsvDialect): string | null {
  if (raw.length === 0) return null;
  const bytes = fieldBytes(Buffer.from(raw, 'latin1'), 0, raw.length, dialect.quote.charCodeAt(0));
  const text = withoutFormulaEscape(decodeCellBytes(bytes.toString('latin1'), dialect.encoding).text);
  return text.length === 0 ? null : text;
}
