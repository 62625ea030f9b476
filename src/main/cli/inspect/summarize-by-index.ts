// A LogSummarizer for `flagdeck inspect` that goes through the index for every CSV log: the scan
// (on both cores for a large log) finds the rows, audits the records and collects the asset cells;
// only the rows the audit points at are read again cell by cell. The report is the one reading the
// whole log cell by cell gives (tests/unit/cli/inspect/index-agrees-with-reading.test.ts).
import { dirname } from 'node:path';
import { FolderListing } from '../../gradio/folder-listing';
import { scannerReader } from '../../log-index/scanner-reader';
import type { FolderContext, LogShape } from '../../gradio/log-model';
import { Interner } from '../../log-index/intern';
import { indexOneLog, indexOneLogKeptLater, type OnProgress } from '../../log-index/index-folder';
import type { LogIndex } from '../../log-index/log-index';
import { PERSIST_MIN_BYTES, type IndexCacheOptions } from '../../log-index/persisted-index';
import { earlyScanWorker } from '../../log-index/scan-workers';
import type { ScanThread } from '../../log-index/scan-threads';
import type { FolderReader } from '../../gradio/reader';
import type { RecordAudit } from '../../scan/record-audit';
import { AssetCensus } from './asset-census';
import { AssetTally } from './asset-tally';
import { AuditTally } from './audit-tally';
import { summarizeByReading, type LogSummarizer, type LogSummary } from './inspect-folder';
import { keepCensus, loadCensus } from './saved-census';

export interface SummarizeOptions {
  onProgress?: OnProgress;
  /** The persisted index (and census) to reuse and keep; none: neither read nor written. */
  cache?: IndexCacheOptions;
  notice?: (message: string) => void;
}

type Takes = [RecordAudit, number, number][];

/**
 * inspectFolder's per-log work through the index for every CSV log, tiny ones included (measured
 * quicker than reading them cell by cell); JSON-lines logs are read.
 */
export function summarizeByIndex(options: SummarizeOptions = {}): LogSummarizer {
  const { onProgress, cache, notice = () => undefined } = options;
  const interners = { reasons: new Interner(), usernames: new Interner() };
  const listings = new Map<string, FolderListing>();
  const listingOf = (reader: FolderReader, root: string): FolderListing => {
    let listing = listings.get(root);
    if (!listing) {
      // The directories findLogs read just now are not read again.
      const readJustNow = (dir: string) => reader.resolverFor(root).readJustNow(dir);
      listings.set(root, (listing = FolderListing.of(root, readJustNow)));
    }
    return listing;
  };
  const shapes = scannerReader();
  return async (reader, root, file) => {
    // A first open of a large log: its second half's worker boots while the folder is walked (at
    // once: walkFolderSync) and the shape is read.
    const worker = await earlyScanWorker(root, file, cache);
    try {
      return await summarizeLog(reader, root, file, worker);
    } finally {
      worker?.cancel();
    }
  };
  async function summarizeLog(
    reader: FolderReader,
    root: string,
    file: string,
    worker: ScanThread | undefined,
  ): Promise<LogSummary> {
    // The folder's walk first: the shape's probe resolves its rows' files from it too.
    const listing = listingOf(reader, root);
    for (const folderReader of [reader, shapes]) folderReader.resolverFor(root).preload(listing);
    const shape = await shapes.shapeOf(root, file);
    if (shape.dialect.format === 'jsonl') return summarizeByReading(reader, root, file, shape);
    const census = new AssetCensus(shape.columns, listing, shape.dialect);
    // The scanned ranges' audits, replayed after whatever covers the rows before them.
    const takes: Takes = [];
    const audit = {
      ...new AuditTally(shape).collector(),
      take: (...take: Takes[number]) => void takes.push(take),
    };
    const indexed = await indexOneLogKeptLater(root, shape, interners, onProgress, cache, {
      assets: census.collector(),
      audit,
      sharedColumns: true,
      hostScans: true,
      // Without a cache the index is dropped after the report, which shows no reason, user or time.
      withoutRoles: cache === undefined,
      ...(worker ? { worker } : {}),
    });
    const { log, restored, kept, scannedFrom } = indexed;
    if (restored.kind === 'stale') notice(`${file}: indexed again: ${restored.reason}`);
    if (restored.kind === 'ignored')
      notice(`${file}: the index file was ignored and rebuilt: ${restored.reason}`);
    const context: FolderContext = { root, logDir: dirname(log.path) };
    const saved =
      cache && scannedFrom > shape.dataStart
        ? await loadCensus(log, cache, scannedFrom, listing.fingerprint)
        : undefined;
    let records: AuditTally;
    let counted = census;
    let tally = new AssetTally();
    if (saved?.kind === 'usable') {
      // Rows restored from the index: their census was kept; the rows scanned since are added.
      records = AuditTally.of(shape, saved.census.header.audit);
      tally = AssetTally.of(saved.census.sets);
    } else if (scannedFrom > shape.dataStart) {
      // Rows restored from the index without a usable census: count the whole log once more.
      ({ records, census: counted } = await recount(root, shape, listing));
      takes.length = 0;
    } else records = new AuditTally(shape);
    for (const take of takes) records.take(...take);
    await records.readSuspects(log);
    await records.widenColumns(log, reader, context);
    tally = await counted.tally(reader, context, tally);
    if (cache && log.indexedEnd >= (cache.minBytes ?? PERSIST_MIN_BYTES) && !sameCensus(saved, log))
      await keepCensus(log, cache, listing.fingerprint, records.state, tally.sets()).catch((error: unknown) =>
        notice(`${file}: the census could not be kept: ${String(error)}`),
      );
    // The index file was written meanwhile.
    const notKept = await kept;
    if (notKept) notice(`${file}: the index could not be kept: ${notKept}`);
    return {
      report: {
        file,
        layout: shape.layout,
        rows: log.count,
        columns: shape.columns.map(({ name, kind }) => ({ name, kind })),
        errors: records.errors(log).map(({ line, message }) => ({ line, message })),
      },
      warnings: [...shape.warnings, ...records.warnings()],
      assets: [],
      tally,
    };
  }
}

function sameCensus(saved: Awaited<ReturnType<typeof loadCensus>> | undefined, log: LogIndex): boolean {
  return saved?.kind === 'usable' && saved.census.header.coveredEnd === log.indexedEnd;
}

/** The census and the record audit of the whole log, from a scan of its own. */
async function recount(
  root: string,
  shape: LogShape,
  listing: FolderListing,
): Promise<{ records: AuditTally; census: AssetCensus }> {
  const census = new AssetCensus(shape.columns, listing, shape.dialect);
  const records = new AuditTally(shape);
  const interners = { reasons: new Interner(), usernames: new Interner() };
  await indexOneLog(root, shape, interners, undefined, {
    assets: census.collector(),
    audit: records.collector(),
    sharedColumns: true,
    hostScans: true,
    withoutRoles: true,
  });
  return { records, census };
}
