// Gradio prefixes `'` to cells a spreadsheet could run as a formula (gradio-formats.md §5, §12.4).
const FORMULA_START = /^[=+\-@\t\n\r]/;
const FORMULA_AFTER_COMMA = /,[=+\-@\t\n\r]/;

/** The cell as the user typed it: one escaping `'` removed, only where Gradio would have added it. */
export function undoInjectionEscape(raw: string): string {
  if (!raw.startsWith("'")) return raw;
  const rest = raw.slice(1);
  return FORMULA_START.test(rest) || FORMULA_AFTER_COMMA.test(rest) ? rest : raw;
}
