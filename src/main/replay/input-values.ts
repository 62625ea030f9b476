// A logged cell turned back into what the app's input takes: text as text, numbers as numbers,
// structured cells as their JSON, and files as paths inside the flagging folder (uploaded by the
// client). A file that is missing or outside the folder makes the sample unreplayable.
import { join } from 'node:path';
import type { Cell, SampleRow } from '../../shared/model';
import type { Endpoint, ReplayMapping } from '../../shared/replay';

const FILE_COMPONENTS = new Set(['Image', 'Audio', 'Video', 'File', 'Model3D', 'ImageEditor', 'ImageSlider']);
const NUMBER_COMPONENTS = new Set(['Number', 'Slider']);
const STRUCTURED_COMPONENTS = new Set([
  'CheckboxGroup',
  'JSON',
  'Dataframe',
  'Chatbot',
  'MultimodalTextbox',
  'HighlightedText',
]);

/** An input value, with files still as paths on this machine. */
export type InputValue = { file: string } | { files: string[] } | { value: unknown };

export class SkipSample extends Error {}

export function inputValues(
  row: SampleRow,
  root: string,
  endpoint: Endpoint,
  mapping: ReplayMapping,
  columnIndex: (name: string) => number,
): InputValue[] {
  return endpoint.inputs.map((slot) => {
    const column = mapping.inputs[slot.label] ?? '';
    const cell = row.cells[columnIndex(column)];
    return valueOf(cell, slot.component, column, root);
  });
}

function valueOf(cell: Cell | undefined, component: string, column: string, root: string): InputValue {
  if (!cell || cell.raw === '') {
    if (FILE_COMPONENTS.has(component)) throw new SkipSample(`${column}: the cell is empty`);
    return { value: null };
  }
  if (FILE_COMPONENTS.has(component)) return fileValue(cell, component, column, root);
  if (NUMBER_COMPONENTS.has(component)) return { value: Number(cell.text) };
  if (component === 'Checkbox') return { value: /^true$/i.test(cell.text.trim()) };
  if (component === 'Dropdown' && Array.isArray(cell.value)) return { value: cell.value };
  if (STRUCTURED_COMPONENTS.has(component)) return { value: cell.value ?? cell.text };
  return { value: cell.text };
}

function fileValue(cell: Cell, component: string, column: string, root: string): InputValue {
  if (cell.assets.length === 0) throw new SkipSample(`${column}: no file in the cell "${cell.text}"`);
  const paths = cell.assets.map((asset) => {
    if (asset.status !== 'resolved' || asset.path === undefined) {
      const where = asset.status === 'outside' ? 'outside the flagging folder' : 'missing';
      throw new SkipSample(`${column}: file ${where}: ${asset.ref}`);
    }
    return join(root, asset.path);
  });
  if (component === 'File' && paths.length > 1) return { files: paths };
  return { file: paths[0] ?? '' };
}
