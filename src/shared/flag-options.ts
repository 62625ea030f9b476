// The flag reasons a folder offers, in number-key order: the renderer lists them, and the review
// service resolves "option N" with the same order for each folder of a bulk edit.
import type { FlagOptions } from './api';

/** Options in number-key order: the log's own values first, then the reviewer's active ones. */
export function activeOptions(options: FlagOptions | undefined): string[] {
  if (!options) return [];
  const seen = new Set<string>();
  const result: string[] = [];
  const retired = new Set(options.custom.filter((o) => o.retired).map((o) => o.value));
  for (const value of [
    ...options.fromLogs,
    ...options.custom.filter((o) => !o.retired).map((o) => o.value),
  ]) {
    if (value === '' || seen.has(value) || retired.has(value)) continue;
    seen.add(value);
    result.push(value);
  }
  return result;
}
