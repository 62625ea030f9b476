// The files a cell refers to, as an export needs them: where each resolved asset is on disk, and
// why a sample cannot be exported when one it needs is missing or outside its folder.
import { basename, join } from 'node:path';
import type { AssetRef, Cell, ColumnKind, MediaKind } from '../../shared/model';

/** Column kinds whose files are the sample's content: a missing one skips the sample. */
export const FILE_KINDS: ReadonlySet<ColumnKind> = new Set([
  'image',
  'audio',
  'video',
  'file',
  'gallery',
  'model3d',
]);

export interface ResolvedAsset {
  ref: AssetRef;
  file: string;
  name: string;
}

export function resolvedAsset(root: string, ref: AssetRef): ResolvedAsset | undefined {
  if (ref.status !== 'resolved' || ref.path === undefined) return undefined;
  return { ref, file: join(root, ref.path), name: basename(ref.path) };
}

/** Why an asset cannot be exported, in words naming the column and the reference. */
export function unusableReason(column: string, ref: AssetRef): string {
  const where = ref.status === 'outside' ? 'outside the flagging folder' : 'missing';
  return `${column}: file ${where}: ${ref.ref}`;
}

/** The cell's first asset of a kind (an image column's image), resolved or not. */
export function firstAssetOf(cell: Cell | undefined, media: MediaKind): AssetRef | undefined {
  return cell?.assets.find((asset) => asset.media === media) ?? cell?.assets[0];
}

/** A file name safe on every OS and in a URL, keeping the extension. */
export function safeFileName(name: string): string {
  const cleaned = name
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._-]+/gu, '_')
    .replace(/^[._]+/, '');
  return cleaned.slice(-80) || 'file';
}
