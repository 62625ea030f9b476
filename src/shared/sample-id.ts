// A sample's id: `<log file>#<1-based row>`, the one form the index, the review journal and the
// renderer share.

/** The id of the row at 0-based `rowIndex` of `file`. */
export function sampleId(file: string, rowIndex: number): string {
  return `${file}#${rowIndex + 1}`;
}

/** `<log file>#<1-based row>` → its parts (row 0-based); undefined when the id has another form. */
export function parseSampleId(id: string): { file: string; row: number } | undefined {
  const at = id.lastIndexOf('#');
  if (at <= 0) return undefined;
  const ordinal = Number(id.slice(at + 1));
  if (!Number.isInteger(ordinal) || ordinal < 1) return undefined;
  return { file: id.slice(0, at), row: ordinal - 1 };
}
