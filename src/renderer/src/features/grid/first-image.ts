// The image a grid tile shows for a sample: its first image asset, in column order.
import type { AssetRef, SampleRow } from '../../../../shared/model';

export function firstImage(row: SampleRow): AssetRef | undefined {
  for (const cell of row.cells) {
    const asset = cell.assets.find((a) => a.media === 'image');
    if (asset) return asset;
  }
  return undefined;
}
