// Reads ../shared/real-world/MANIFEST.md: per folder, the data rows of each CSV and the asset counts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const REAL_WORLD = join(__dirname, '../../../../shared/real-world');

export interface ManifestFolder {
  folder: string;
  rows: Record<string, number>;
  assets: { referenced: number; present: number; missing: number };
}

export function readRealWorldManifest(): ManifestFolder[] {
  const text = readFileSync(join(REAL_WORLD, 'MANIFEST.md'), 'utf8');
  const folders: ManifestFolder[] = [];
  for (const line of text.split('\n')) {
    const cells = line.split(' | ');
    if (!line.startsWith('| ') || cells.length < 9 || cells[0] === '| folder' || line.startsWith('|---'))
      continue;
    const rows: Record<string, number> = {};
    for (const part of cells[6].split('<br>')) {
      const match = /^(.+): (\d+)$/.exec(part.trim());
      if (!match) throw new Error(`unreadable rows cell: ${cells[6]}`);
      rows[match[1]] = Number(match[2]);
    }
    const assets = /^(\d+) \/ (\d+) \/ (\d+)/.exec(cells[7].trim());
    if (!assets) throw new Error(`unreadable assets cell: ${cells[7]}`);
    folders.push({
      folder: cells[0].slice(2).trim(),
      rows,
      assets: { referenced: Number(assets[1]), present: Number(assets[2]), missing: Number(assets[3]) },
    });
  }
  return folders;
}
