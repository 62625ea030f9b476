// The display text of a flag reason or username cell, decoded once per distinct raw value.
import type { CsvDialect } from '../gradio/log-model';
import { decodeCellBytes } from '../gradio/cell-text';
import { fieldBytes } from './csv-field';
import { undoInjectionEscape } from '../gradio/injection-escape';

/** Text of a role cell given as its raw bytes in latin1, or null when empty. */
export function roleText(raw: string, dialect: CsvDialect): string | null {
  if (raw.length === 0) return null;
  const bytes = fieldBytes(Buffer.from(raw, 'latin1'), 0, raw.length, dialect.quote.charCodeAt(0));
  const text = undoInjectionEscape(decodeCellBytes(bytes.toString('latin1'), dialect.encoding).text);
  return text.length === 0 ? null : text;
}
