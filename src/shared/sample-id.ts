// A sample's id: `<log file>#<1-based row>`, the one form the index, the review journal and the
// renderer share.

/** The canonical form: a row written without sign, leading zero or decimals (`log.csv#4`, not `#04`). */
export const SAMPLE_ID = /^.+#[1-9][0-9]{0,14}$/s;

/** The message refusing a malformed id, naming it. */
export const notASampleId = (id: unknown): string =>
  `${JSON.stringify(id)} is not a sample id: ids are <log file>#<data row>, the row written without sign, leading zero or decimals (e.g. log.csv#4)`;

/** The id of the row at 0-based `rowIndex` of `file`. */
export function sampleId(file: string, rowIndex: number): string {
  return `${file}#${rowIndex + 1}`;
}

/** `<log file>#<1-based row>` → its parts (row 0-based); undefined when the id has another form. */
export function parseSampleId(id: string): { file: string; row: number } | undefined {
  if (!SAMPLE_ID.test(id)) return undefined;
  const at = id.lastIndexOf('#');
  return { file: id.slice(0, at), row: Number(id.slice(at + 1)) - 1 };
}
