// `flagdeck inspect`: what each log in a folder is, and whether its files are there.
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { AssetRef, AssetStatus, ColumnKind, LogLayout } from '../../../shared/model';
import { readLog } from '../../gradio/read-log';
import { FolderReader } from '../../gradio/reader';
import { refHash } from '../../scan/asset-cells';

export interface LogReport {
  file: string;
  layout: LogLayout;
  rows: number;
  columns: { name: string; kind: ColumnKind }[];
  errors: { line: number; message: string }[];
}
export type AssetCounts = Record<AssetStatus, number>;

/** Exactly the `--json` object of `flagdeck inspect`. */
export interface FolderReport {
  folder: string;
  logs: LogReport[];
  assets: AssetCounts;
}

/** What one log contributes: its report, its warnings and every asset reference of its cells. */
export interface LogSummary {
  report: LogReport;
  warnings: string[];
  assets: AssetRef[];
  /** References known to be missing by their refHash only (a large log's plain paths). */
  settledMissing?: number[][];
}

/** Per-log work, in one function so a faster one (the index, for huge logs) can take its place. */
export type LogSummarizer = (reader: FolderReader, root: string, file: string) => Promise<LogSummary>;

export class FolderUnreadableError extends Error {}

export const summarizeByReading: LogSummarizer = async (reader, root, file) => {
  const { shape, rows, errors } = await readLog(reader, root, file);
  return {
    report: {
      file,
      layout: shape.layout,
      rows: rows.length,
      columns: shape.columns.map(({ name, kind }) => ({ name, kind })),
      errors: errors.map(({ line, message }) => ({ line, message })),
    },
    warnings: shape.warnings,
    assets: rows.flatMap((row) => row.cells.flatMap((cell) => cell.assets)),
  };
};

export interface FolderInspection {
  report: FolderReport;
  /** Per log, in the report's order: warnings and asset counts (for the human-readable output). */
  details: { warnings: string[]; assets: AssetCounts }[];
}

export async function inspectFolder(
  root: string,
  summarize: LogSummarizer = summarizeByReading,
  reader = new FolderReader(),
): Promise<FolderInspection> {
  const folder = resolve(root);
  await assertReadableFolder(folder);
  const files = await reader.findLogs(folder);
  const folderAssets = new AssetTally();
  const logs: LogReport[] = [];
  const details: FolderInspection['details'] = [];
  for (const file of files) {
    const summary = await summarize(reader, folder, file);
    const logAssets = new AssetTally();
    for (const asset of summary.assets) logAssets.add(asset);
    for (const hashes of summary.settledMissing ?? []) logAssets.addMissing(hashes);
    folderAssets.absorb(logAssets);
    logs.push(summary.report);
    details.push({ warnings: summary.warnings, assets: logAssets.counts() });
  }
  return { report: { folder, logs, assets: folderAssets.counts() }, details };
}

async function assertReadableFolder(folder: string): Promise<void> {
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(folder)).isDirectory();
  } catch (error) {
    throw new FolderUnreadableError(
      `cannot read folder ${folder}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
  if (!isDirectory) throw new FolderUnreadableError(`not a folder: ${folder}`);
}

/**
 * Counts distinct files: a resolved asset by where it resolved, others by the reference as written
 * (by its refHash, so that references the scan settled without their text count alike). A million
 * missing references are kept as numbers and counted once sorted, not inserted into a map.
 */
class AssetTally {
  private files = new Set<string>();
  private outside = new Set<number>();
  private missing: number[][] = [];

  absorb(other: AssetTally): void {
    for (const file of other.files) this.files.add(file);
    for (const ref of other.outside) this.outside.add(ref);
    this.missing.push(...other.missing);
  }

  add(asset: AssetRef): void {
    if (asset.status === 'resolved') {
      this.files.add(asset.path ?? asset.ref);
      return;
    }
    const bytes = Buffer.from(asset.ref);
    const key = refHash(bytes, 0, bytes.length);
    if (asset.status === 'outside') this.outside.add(key);
    else this.missing.push([key]);
  }

  addMissing(hashes: number[]): void {
    this.missing.push(hashes);
  }

  counts(): AssetCounts {
    const keys = new Float64Array(this.missing.reduce((total, list) => total + list.length, 0));
    let at = 0;
    for (const list of this.missing) {
      keys.set(list, at);
      at += list.length;
    }
    keys.sort();
    let missing = 0;
    for (let i = 0; i < keys.length; i++) {
      if ((i === 0 || keys[i] !== keys[i - 1]) && !this.outside.has(keys[i])) missing += 1;
    }
    return { resolved: this.files.size, missing, outside: this.outside.size };
  }
}
