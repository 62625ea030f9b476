// A cell for display in its column: content read as usual, but a text-like column does not turn
// a word that happens to look like a file name into a missing asset.
import type { Cell, Column, ColumnKind } from '../../shared/model';
import type { AssetResolver } from './asset-resolver';
import { readCell } from './cell-reading';

const TEXT_LIKE: ReadonlySet<ColumnKind> = new Set([
  'text',
  'flag',
  'username',
  'timestamp',
  'number',
  'boolean',
]);

export async function decodeCell(
  raw: string,
  column: Column,
  resolver: AssetResolver,
  logDir: string,
): Promise<Cell> {
  const { cell } = await readCell(raw, resolver, logDir);
  if (!TEXT_LIKE.has(column.kind) || cell.value !== undefined) return cell;
  return { ...cell, assets: cell.assets.filter((asset) => asset.status === 'resolved') };
}
