// A cell for display in its column: content read as usual, but a text-like column does not turn
// a word that happens to look like a file name into a missing asset, and a media column counts
// every path written in it as a reference, even one without a media extension (`/etc/hostname`).
import type { Cell, Column, ColumnKind, MediaKind } from '../../shared/model';
import type { AssetResolver } from './asset-resolver';
import { readCell } from './cell-reading';
import { looksLikePath } from './value-shape';

/** Columns whose plain-text cells count as a file only when that file is there. */
export const TEXT_LIKE: ReadonlySet<ColumnKind> = new Set([
  'text',
  'flag',
  'username',
  'timestamp',
  'number',
  'boolean',
]);

/** Columns whose plain-text cells are file references, and what a reference there holds. */
export const FILE_COLUMNS: ReadonlyMap<ColumnKind, MediaKind> = new Map<ColumnKind, MediaKind>([
  ['image', 'image'],
  ['audio', 'audio'],
  ['video', 'video'],
  ['model3d', 'model3d'],
  ['file', 'file'],
  ['gallery', 'image'],
]);

export async function decodeCell(
  raw: string,
  column: Column,
  resolver: AssetResolver,
  logDir: string,
): Promise<Cell> {
  const { cell } = await readCell(raw, resolver, logDir);
  const media = FILE_COLUMNS.get(column.kind);
  if (media) return withPathReference(cell, media, resolver, logDir);
  if (!TEXT_LIKE.has(column.kind) || cell.value !== undefined) return cell;
  return { ...cell, assets: cell.assets.filter((asset) => asset.status === 'resolved') };
}

/**
 * A path in a media column that was read as text (it did not resolve and has no media extension)
 * is still a reference: missing, or outside the folder (and then never read).
 */
async function withPathReference(
  cell: Cell,
  media: MediaKind,
  resolver: AssetResolver,
  logDir: string,
): Promise<Cell> {
  const ref = cell.text.trim();
  if (cell.value !== undefined || cell.assets.length > 0 || !looksLikePath(ref)) return cell;
  const found = await resolver.resolve(ref, logDir);
  if (found.status === 'resolved') return cell;
  return { ...cell, assets: [{ ref, status: found.status, media }] };
}
