// Counts as the CLI prints them: 1,234,567. Not `toLocaleString('en')`, whose first call starts
// ICU's number formatting: 20-30 ms of every `flagdeck query` (its usage text holds a count).

/** `count` with its digits grouped by threes, as `count.toLocaleString('en')` writes an integer. */
export function groupedDigits(count: number): string {
  if (!Number.isSafeInteger(count)) return count.toLocaleString('en');
  const digits = String(Math.abs(count));
  let grouped = digits.slice(0, digits.length % 3 || 3);
  for (let at = grouped.length; at < digits.length; at += 3) grouped += ',' + digits.slice(at, at + 3);
  return count < 0 ? '-' + grouped : grouped;
}
