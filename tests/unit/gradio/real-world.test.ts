// The reader over the 40 real flagging folders of ../shared/real-world, checked against MANIFEST.md.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLog } from '../../../src/main/gradio/read-log';
import { FolderReader } from '../../../src/main/gradio/reader';
import type { AssetRef } from '../../../src/shared/model';
import {
  needsRealWorld,
  REAL_WORLD,
  readRealWorldManifest,
  realWorldMissing,
} from '../../support/real-world';

const manifest = readRealWorldManifest();

describe.skipIf(realWorldMissing)(needsRealWorld('real-world flagging folders'), () => {
  it('lists all 40 folders', () => {
    expect(manifest).toHaveLength(40);
  });

  it.each(manifest.map((entry) => [entry.folder, entry] as const))('%s', async (_name, entry) => {
    const root = join(REAL_WORLD, entry.folder);
    const reader = new FolderReader();
    expect(await reader.findLogs(root)).toEqual(Object.keys(entry.rows).sort());
    const assets: AssetRef[] = [];
    for (const [file, rows] of Object.entries(entry.rows)) {
      const log = await readLog(reader, root, file);
      expect(log.rows, file).toHaveLength(rows);
      expect(log.errors, file).toEqual([]);
      assets.push(...log.rows.flatMap((row) => row.cells.flatMap((cell) => cell.assets)));
    }
    const byRef = new Map(assets.map((asset) => [asset.ref, asset]));
    const resolved = [...byRef.values()].filter((asset) => asset.status === 'resolved');
    expect(byRef.size, 'distinct references').toBe(entry.assets.referenced);
    expect(resolved.length, 'references that resolve').toBe(entry.assets.present);
    for (const asset of resolved) expect(existsSync(join(root, asset.path ?? '\0'))).toBe(true);
  });
});
