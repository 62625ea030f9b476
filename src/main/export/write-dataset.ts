// writeDatasetLayout: the one function that writes an export's files, for the folder export and
// for the Hub push (which writes into a temp staging folder, then uploads it).
//
//   writeDatasetLayout(
//     source: ExportSource,              // the workspace (info, paged query, facets)
//     request: { selection: ExportSelection, format: ExportFormat, privacy: ExportPrivacy },
//     dir: string,                       // an existing, empty folder; the layout is written into it
//     options?: { signal?: AbortSignal, onProgress?: (p: LayoutProgress) => void, keyFile?: string },
//   ): Promise<LayoutResult>             // { rows, files, bytes, skipped: [{ id, reason }] }
//
// `format` is `imagefolder` | `audiofolder` | `parquet` for a dataset (`gradio` for a flagging
// folder). Throws EmptySelectionError when nothing is selected (its message gives the counts per
// status), an AbortError when `signal` fires; a missing asset only skips its sample.
import { join } from 'node:path';
import type { ExportSelection } from '../../shared/api';
import type { ExportFormat, ExportPrivacy, SkippedSample } from '../../shared/export';
import { defaultDataDir } from '../review/location';
import { ColumnMap } from './columns';
import { emptySelectionError } from './empty-selection';
import { loadPseudonymKey, pseudonymizer } from './privacy/pseudonym';
import { exportSample, type ExportSample, type SampleContext } from './sample';
import { selectedPages, type ExportSource, type SelectedPage } from './source';
import type { ExportTarget, Placed } from './target';
import { createTarget } from './targets/create-target';

export interface LayoutRequest {
  selection: ExportSelection;
  format: ExportFormat;
  privacy: ExportPrivacy;
}

export interface LayoutProgress {
  done: number;
  total: number;
  bytes: number;
  /** What is being done, for the progress line (default "writing"; a push adds "uploading"). */
  phase?: string;
  /** A push: bytes to send (`bytes` then counts those sent), the commit under way of `commits`. */
  bytesTotal?: number;
  commit?: number;
  commits?: number;
}

export interface LayoutOptions {
  signal?: AbortSignal;
  onProgress?(progress: LayoutProgress): void;
  /** Where the pseudonym key lives (default: the data folder's `export-pseudonym.key`). */
  keyFile?: string;
  /** Parquet: the size at which a shard is closed and the next begun (default about 500 MB). */
  parquetShardBytes?: number;
}

export interface LayoutResult {
  rows: number;
  files: number;
  bytes: number;
  skipped: SkippedSample[];
}

/** File copies in flight at once: enough to keep the disk busy, few enough for 2 cores. */
const PLACING_AT_ONCE = 8;

export async function writeDatasetLayout(
  source: ExportSource,
  request: LayoutRequest,
  dir: string,
  options: LayoutOptions = {},
): Promise<LayoutResult> {
  const context = await sampleContext(source, request, options);
  const pages = selectedPages(source, request.selection, options.signal);
  const first = await pages.next();
  if (first.done) throw await emptySelectionError(source, request.selection);

  const target = createTarget(request.format, options.parquetShardBytes);
  const run: ExportRun = {
    target,
    context,
    result: { rows: 0, files: 0, bytes: 0, skipped: [] },
    labels: new Map(),
  };
  try {
    await target.setup({
      dir,
      columns: context.columns.columns,
      privacy: request.privacy,
      selection: request.selection,
      sources: context.info.folders.map((folder) => folder.name),
    });
    for (let page: IteratorResult<SelectedPage> = first; !page.done; page = await pages.next()) {
      await writePage(run, page.value, options.signal);
      const { offset, rows, total } = page.value;
      options.onProgress?.({ done: offset + rows.length, total, bytes: run.result.bytes });
    }
    options.signal?.throwIfAborted();
    const { result } = run;
    const extra = await target.finish({
      rows: result.rows,
      labels: run.labels,
      skipped: result.skipped.length,
    });
    return { ...result, files: result.files + extra.files, bytes: result.bytes + extra.bytes };
  } catch (error) {
    await target.abort();
    throw error;
  }
}

interface ExportRun {
  target: ExportTarget;
  context: SampleContext;
  result: LayoutResult;
  /** Rows written per exported label, for the card. */
  labels: Map<string | null, number>;
}

async function sampleContext(
  source: ExportSource,
  request: LayoutRequest,
  options: LayoutOptions,
): Promise<SampleContext> {
  const info = source.info();
  const pseudonymize = request.privacy.username === 'pseudonymize';
  const keyFile = options.keyFile ?? join(defaultDataDir(), 'export-pseudonym.key');
  return {
    info,
    columns: new ColumnMap(info, request.selection.filter),
    privacy: request.privacy,
    pseudonyms: pseudonymizer(pseudonymize ? await loadPseudonymKey(keyFile) : ''),
  };
}

/** One page: its files placed several at a time, then its rows appended in order. */
async function writePage(run: ExportRun, page: SelectedPage, signal?: AbortSignal): Promise<void> {
  const { result, labels, context } = run;
  const samples = page.rows.map((row, i) => exportSample(row, page.offset + i, context));
  const placed = await placeAll(run.target, samples, signal);
  const written: unknown[] = [];
  placed.forEach((outcome, i) => {
    const sample = samples[i];
    if ('skipped' in outcome) {
      result.skipped.push({ id: sampleKey(sample, context.info.folders.length), reason: outcome.skipped });
      return;
    }
    written.push(outcome.row);
    result.files += outcome.files;
    result.bytes += outcome.bytes;
    labels.set(sample.label, (labels.get(sample.label) ?? 0) + 1);
  });
  await run.target.append(written);
  result.rows += written.length;
}

/** A sample id as the user knows it; with its folder's name in front when several are open. */
function sampleKey(sample: ExportSample, folders: number): string {
  return folders > 1 ? `${sample.provenance.source_log.split('/')[0]}:${sample.row.id}` : sample.row.id;
}

async function placeAll<Row>(
  target: ExportTarget<Row>,
  samples: Parameters<ExportTarget<Row>['place']>[0][],
  signal?: AbortSignal,
): Promise<Placed<Row>[]> {
  const placed = new Array<Placed<Row>>(samples.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < samples.length) {
      signal?.throwIfAborted();
      const i = next++;
      placed[i] = await target.place(samples[i]);
    }
  };
  // Every worker stops before an error goes up: the caller then removes the folder they write to.
  const settled = await Promise.allSettled(
    Array.from({ length: Math.min(PLACING_AT_ONCE, samples.length) }, worker),
  );
  const failed = settled.find((outcome) => outcome.status === 'rejected');
  if (failed) throw failed.reason;
  return placed;
}
