// Reads ../shared/real-world/MANIFEST.md: per folder, the data rows of each CSV and the asset counts.
// The corpus sits beside the repository (or where FLAGDECK_REAL_WORLD says); a clone without it
// skips the tests that read it, saying why, instead of failing.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const repoRoot = resolve(__dirname, '../..');

export const REAL_WORLD = resolve(process.env.FLAGDECK_REAL_WORLD ?? join(repoRoot, '../shared/real-world'));

/** True when the corpus is not there: tests that read it are skipped. */
export const realWorldMissing = !existsSync(join(REAL_WORLD, 'MANIFEST.md'));

/** A test title that says, when the corpus is absent, why the test is skipped. */
export const needsRealWorld = (title: string): string =>
  realWorldMissing
    ? `${title} (skipped: no real-world corpus at ${REAL_WORLD}; set FLAGDECK_REAL_WORLD)`
    : title;

export interface ManifestFolder {
  folder: string;
  rows: Record<string, number>;
  assets: { referenced: number; present: number; missing: number };
}

export function readRealWorldManifest(): ManifestFolder[] {
  if (realWorldMissing) return [];
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
