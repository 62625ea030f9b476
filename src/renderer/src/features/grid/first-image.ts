// The image a grid tile shows for a sample: its first image that resolves inside the folder, in
// column order; else its first image at all (the tile then says it is missing or outside).
import type { AssetRef, SampleRow } from '../../../../shared/model';

export function firstImage(row: SampleRow): AssetRef | undefined {
  const images = row.cells.flatMap((cell) => cell.assets.filter((a) => a.media === 'image'));
  return images.find((a) => a.status === 'resolved') ?? images[0];
}
