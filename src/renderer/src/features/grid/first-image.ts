// The image a grid tile shows for a sample: its first image that resolves inside the folder, in
// column order; else its first image at all (the tile then says it is missing or outside). A sample
// without images shows its first video that resolves, as a frame of it.
import type { AssetRef, SampleRow } from '../../../../shared/model';

export function firstImage(row: SampleRow): AssetRef | undefined {
  const images = row.cells.flatMap((cell) => cell.assets.filter((a) => a.media === 'image'));
  return images.find((a) => a.status === 'resolved') ?? images[0];
}

export function firstVideo(row: SampleRow): AssetRef | undefined {
  const videos = row.cells.flatMap((cell) => cell.assets.filter((a) => a.media === 'video'));
  return videos.find((a) => a.status === 'resolved') ?? videos[0];
}
