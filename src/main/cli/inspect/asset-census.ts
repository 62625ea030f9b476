// Every asset reference of every row of a log, for `flagdeck inspect`: the scan (on both cores for
// a large log, with the index) hands over the cells that may hold a file (every cell of a file
// column; in other columns, cells with a path separator or a known extension); a cell whose file
// name occurs nowhere in the folder is classified at once, from the folder's one listing; a plain
// path to a file is resolved at once from that listing (AssetResolver.resolveAtOnce); the others go
// through the reader, as a page of the UI would.
import type { AssetRef, Column } from '../../../shared/model';
import { AssetTally } from './asset-tally';
import type { AssetResolver } from '../../gradio/asset-resolver';
import { notFoundStatus } from '../../gradio/not-found-status';
import { FILE_COLUMNS, TEXT_LIKE } from '../../gradio/decode-cell';
import { decodeCellBytes } from '../../gradio/cell-text';
import { lastSegment, type FolderListing } from '../../gradio/folder-listing';
import { undoInjectionEscape } from '../../gradio/injection-escape';
import type { CsvDialect, FolderContext } from '../../gradio/log-model';
import { MEDIA_EXTENSIONS, mediaByExtension } from '../../gradio/media-kind';
import type { FolderReader } from '../../gradio/reader';
import { looksLikePath, PATH_KEYS } from '../../gradio/value-shape';
import { refHash } from '../../scan/ref-hash';
import type { AssetCellsCollector } from '../../scan/scan-job';

const STRUCTURED = /^[[{(]/;
/** Cells decoded by the reader at once (each may wait for a `stat`). */
const DECODED_AT_ONCE = 64;
const SCALAR = /^(?:|null|None|True|False|true|false|-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)$/;

export class AssetCensus {
  private readonly columns: Column[];
  /** Per column, the candidate cells of each scanned range. */
  private readonly cells: string[][][];
  /** Hashes of the references the scan settled as missing, per scanned range. */
  private readonly missing: Float64Array[] = [];
  /** (column, cell) pairs of cells past the columns, per scanned range. */
  private readonly beyond: (number | string)[][] = [];

  constructor(
    /** The log's columns: a row wider than them adds columns (gradio/read-log.ts widen) later on. */
    private readonly allColumns: Column[],
    private readonly listing: FolderListing,
    private readonly dialect: CsvDialect,
  ) {
    // Any column may hold a reference (a FileData in a misaligned row, a 3.x side file): reading
    // the log counts them all, so the census looks at every column, most of them loosely.
    this.columns = allColumns.slice();
    this.cells = this.columns.map(() => []);
  }

  /** What the scan is asked to collect, and where its cells go. */
  collector(): AssetCellsCollector {
    return {
      job: {
        columns: this.columns.map((column) => column.index),
        loose: this.columns.map((column) => !FILE_COLUMNS.has(column.kind)),
        pathKeys: [...PATH_KEYS, 'is_file'],
        extensions: [...MEDIA_EXTENSIONS],
        folderNames: nameHashes(this.listing),
      },
      take: ({ cells, missing, beyond }) => {
        cells.forEach((column, index) => this.cells[index].push(column));
        this.missing.push(missing);
        if (beyond.length > 0) this.beyond.push(beyond);
      },
    };
  }

  /**
   * Every reference of the collected cells, added to `tally` (a reference met twice counts once).
   * Called once the columns wider rows add are there.
   */
  async tally(reader: FolderReader, context: FolderContext, tally = new AssetTally()): Promise<AssetTally> {
    for (const hashes of this.missing.splice(0)) tally.addMissing(hashes);
    await this.count(reader, context, tally);
    return tally;
  }

  private async count(reader: FolderReader, context: FolderContext, tally: AssetTally): Promise<void> {
    const resolver = reader.resolverFor(context.root);
    // Cells the reader decodes, a batch at a time: their files are looked up on the disk's threads.
    const decoding: Promise<void>[] = [];
    /** Counts one cell: at once, or by the reader (a promise where its batch is full). */
    const add = (bytes: string, column: Column): Promise<unknown> | undefined => {
      const raw = decodeCellBytes(bytes, this.dialect.encoding).text;
      const ref = undoInjectionEscape(raw).trim();
      const quick = this.quickAsset(ref, column, context.root);
      if (quick === 'none') return;
      if (quick) return void tally.add(quick);
      const file = fileAtOnce(ref, resolver, context.logDir);
      if (file !== undefined) return void tally.addFile(file);
      decoding.push(
        reader
          .decodeCell(raw, column, context)
          .then((cell) => cell.assets.forEach((asset) => tally.add(asset))),
      );
      return decoding.length >= DECODED_AT_ONCE ? Promise.all(decoding.splice(0)) : undefined;
    };
    for (const [index, column] of this.columns.entries())
      for (const range of this.cells[index].splice(0))
        for (const bytes of range) {
          const batch = add(bytes, column);
          if (batch) await batch;
        }
    for (const pairs of this.beyond.splice(0))
      for (let i = 0; i < pairs.length; i += 2) {
        const column = this.allColumns[pairs[i] as number];
        const batch = column && add(pairs[i + 1] as string, column);
        if (batch) await batch;
      }
    await Promise.all(decoding);
  }

  /**
   * The reference of a plain path cell whose file name occurs nowhere in the folder (or 'none');
   * undefined when the reader must decide (structured cells, names the folder holds).
   */
  private quickAsset(ref: string, column: Column, root: string): AssetRef | 'none' | undefined {
    if (SCALAR.test(ref)) return 'none';
    const name = lastSegment(ref);
    if (STRUCTURED.test(ref) || this.listing.mayHold(ref)) return undefined;
    if (!looksLikePath(ref)) return 'none';
    const fileColumn = FILE_COLUMNS.get(column.kind);
    const extension = mediaByExtension(name);
    // decodeCell's rules: a text-like column keeps resolved files only; others need an extension.
    if (TEXT_LIKE.has(column.kind) || (!fileColumn && !extension)) return 'none';
    return { ref, status: notFoundStatus(root, ref), media: extension ?? fileColumn ?? 'file' };
  }
}

/**
 * The file a plain path cell names, where it resolves at once to a file the reader would count as
 * such: one of a known kind by its extension (no sniffing), neither a side JSON file (whose content
 * holds more references) nor a directory (a 3.x gallery). Undefined: the reader decides.
 */
function fileAtOnce(ref: string, resolver: AssetResolver, logDir: string): string | undefined {
  if (STRUCTURED.test(ref) || !looksLikePath(ref)) return undefined;
  const found = resolver.resolveAtOnce(ref, logDir);
  if (found?.status !== 'resolved' || found.directory) return undefined;
  const media = mediaByExtension(found.path);
  return media === undefined || media === 'json' ? undefined : found.path;
}

function nameHashes(listing: FolderListing): number[] | null {
  return (
    listing.everyName()?.map((name) => {
      const bytes = Buffer.from(name);
      return refHash(bytes, 0, bytes.length);
    }) ?? null
  );
}
