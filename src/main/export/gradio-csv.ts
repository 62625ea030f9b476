// Writing CSV the way Gradio does: Python's csv.writer (excel dialect: `,`, `"`, minimal quoting,
// doubled quotes, `\r\n` records), values through Gradio's anti-injection prefix, and JSON the
// way Python's json.dumps prints it (`, ` and `: ` separators, non-ASCII as \uXXXX).

/** Gradio's sanitize_value_for_csv: a `'` before values a spreadsheet would run as a formula. */
export function sanitizeForCsv(value: string): string {
  const unsafe = ['=', '+', '-', '@', '\t', '\n'];
  if (unsafe.some((c) => value.startsWith(c) || value.includes(`,${c}`))) return `'${value}`;
  return value;
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** One record, terminated. A lone empty field is `""`, as Python writes it. */
export function csvRecord(fields: string[]): string {
  if (fields.length === 1 && fields[0] === '') return '""\r\n';
  return `${fields.map(csvField).join(',')}\r\n`;
}

function pythonString(value: string): string {
  return JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** `json.dumps(value)` with Python's defaults. */
export function pythonJsonDumps(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return pythonString(value);
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'NaN';
    if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
    return JSON.stringify(value);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return `[${value.map(pythonJsonDumps).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    return `{${entries.map(([k, v]) => `${pythonString(k)}: ${pythonJsonDumps(v)}`).join(', ')}}`;
  }
  return pythonString(String(value));
}

/**
 * Gradio's strip_invalid_filename_characters for a label folder: letters, digits and `._- ,`
 * (Unicode letters count, as Python's isalnum), at most 100 bytes.
 */
export function labelFolderName(label: string, position: number): string {
  let name = [...label]
    .filter((c) => /[\p{L}\p{N}._\- ,]/u.test(c))
    .join('')
    .trim();
  while (Buffer.byteLength(name) > 100) name = [...name].slice(0, -1).join('');
  if (name === '' || name === '.' || name === '..') name = `component ${position}`;
  return name;
}
