// `flagdeck inspect` sends every CSV log through the index; its report must be the one reading the
// whole log cell by cell gives: rows, columns (with those ragged rows add), errors in order,
// warnings and asset counts, on every fixture folder, every malformed log and the real-world corpus.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectFolder, summarizeByReading } from '../../../../src/main/cli/inspect/inspect-folder';
import { summarizeByIndex } from '../../../../src/main/cli/inspect/summarize-by-index';
import { FolderReader } from '../../../../src/main/gradio/reader';
import { AssetTally } from '../../../../src/main/cli/inspect/asset-tally';
import type { LogSummary } from '../../../../src/main/cli/inspect/inspect-folder';
import {
  needsRealWorld,
  readRealWorldManifest,
  REAL_WORLD,
  realWorldMissing,
} from '../../../support/real-world';

const fixtures = resolve(__dirname, '../../../fixtures');
const repo = resolve(__dirname, '../../../..');

/** Every folder Gradio wrote for the fixtures (each flagging dir of each case), the edges and the sample. */
function fixtureFolders(): string[] {
  const folders = [join(fixtures, 'edges/flagged'), join(repo, 'resources/sample')];
  const gradio = join(fixtures, 'gradio');
  for (const version of readdirSync(gradio)) {
    const versionDir = join(gradio, version);
    if (!statSync(versionDir).isDirectory() || !existsSync(join(versionDir, 'manifest.json'))) continue;
    for (const kase of readdirSync(versionDir)) {
      const caseDir = join(versionDir, kase);
      if (!statSync(caseDir).isDirectory()) continue;
      for (const dir of readdirSync(caseDir)) {
        if (statSync(join(caseDir, dir)).isDirectory()) folders.push(join(caseDir, dir));
      }
    }
  }
  return folders;
}

const everyCsvLog = summarizeByIndex();

async function bothWays(folder: string) {
  const byIndex = await inspectFolder(folder, everyCsvLog);
  const byReading = await inspectFolder(folder);
  return { byIndex, byReading };
}

function counted(summary: LogSummary) {
  const tally = summary.tally ?? new AssetTally();
  for (const asset of summary.assets) tally.add(asset);
  return { report: summary.report, warnings: summary.warnings, assets: tally.counts() };
}

describe('inspect through the index agrees with reading every cell', () => {
  it.each(fixtureFolders().map((folder) => [relative(repo, folder)]))('%s', async (name) => {
    const folder = join(repo, name);
    const { byIndex, byReading } = await bothWays(folder);
    expect(byIndex.report.logs.length).toBeGreaterThan(0);
    expect(byIndex).toEqual(byReading);
  });

  it('every malformed log', async () => {
    const dir = join(fixtures, 'malformed');
    const logs = readdirSync(dir).filter((file) => file.endsWith('.csv'));
    expect(logs.length).toBeGreaterThan(20);
    for (const file of logs) {
      const reader = new FolderReader();
      const byIndex = counted(await everyCsvLog(reader, dir, file));
      const byReading = counted(await summarizeByReading(new FolderReader(), dir, file));
      expect({ file, ...byIndex }).toEqual({ file, ...byReading });
    }
  });

  it.skipIf(realWorldMissing)(
    needsRealWorld('every folder of the real-world corpus'),
    async () => {
      const folders = readRealWorldManifest();
      expect(folders.length).toBeGreaterThan(30);
      for (const { folder } of folders) {
        const { byIndex, byReading } = await bothWays(join(REAL_WORLD, folder));
        expect({ folder, ...byIndex }).toEqual({ folder, ...byReading });
      }
    },
    120_000,
  );
});
