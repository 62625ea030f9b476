// The shape of tests/fixtures/gradio/<version>/manifest.json (written by generate.py), and the kind
// the reader must give each Gradio component.
import type { ColumnKind } from '../../../src/shared/model';

export interface ManifestFile {
  source: string;
  sha256: string;
  size: number;
  foundInFlaggingDir?: boolean;
}
export interface ManifestCell {
  /** null for the ChatCSVLogger's index and feedback cells. */
  component: string | null;
  value: unknown;
  files?: ManifestFile[];
}
export interface ManifestRow {
  flagOption: string | null;
  username: string | null;
  fieldCount: number;
  cells: ManifestCell[];
}
export interface ManifestColumn {
  name: string;
  component: string | null;
  props?: Record<string, unknown>;
  fileUrlOf?: string;
}
export interface ManifestLog {
  file: string;
  format: 'csv' | 'jsonl';
  callback: string;
  headerless: boolean;
  columns: ManifestColumn[];
  rows: ManifestRow[];
}
export interface VersionManifest {
  gradio: string;
  cases: { case: string; flaggingDir: string; callback: string; logs: ManifestLog[] }[];
}

/** Gradio component → column kind. Lists of choices have no kind of their own: they are JSON. */
const BY_COMPONENT: Record<string, ColumnKind> = {
  Textbox: 'text',
  Number: 'number',
  Slider: 'number',
  Checkbox: 'boolean',
  Radio: 'text',
  CheckboxGroup: 'json',
  Image: 'image',
  Audio: 'audio',
  Video: 'video',
  File: 'file',
  Model3D: 'model3d',
  Label: 'label',
  HighlightedText: 'highlight',
  JSON: 'json',
  Dataframe: 'dataframe',
  Chatbot: 'chat',
  Gallery: 'gallery',
};

const NUMERIC = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * The expected kind of a manifest column (`cellIndex`: its position among the row's component cells),
 * or undefined when the rows cannot decide it: every value empty (`None`), or rows of several apps.
 */
export function kindForComponent(
  column: ManifestColumn,
  cellIndex: number,
  rows: ManifestRow[],
): ColumnKind | undefined {
  if (column.component === null) {
    if (column.fileUrlOf) return 'text';
    return ({ flag: 'flag', username: 'username', timestamp: 'timestamp' } as Record<string, ColumnKind>)[
      column.name
    ];
  }
  const own = rows.filter((row) =>
    row.cells.every((cell, at) => cell.component === rows[0].cells[at]?.component),
  );
  if (own.length !== rows.length) return undefined;
  const values = own
    .map((row) => row.cells[cellIndex]?.value)
    .filter((value) => value !== null && value !== undefined);
  if (values.length === 0) return undefined;
  if (column.component === 'Dropdown') return column.props?.multiselect === true ? 'json' : 'text';
  // The header is not a schema: a Textbox that only ever held numbers reads as numbers.
  if (
    column.component === 'Textbox' &&
    values.every((value) => typeof value === 'string' && NUMERIC.test(value.trim()))
  ) {
    return 'number';
  }
  return BY_COMPONENT[column.component];
}
