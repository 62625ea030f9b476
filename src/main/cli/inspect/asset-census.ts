// Every asset reference of every row of a log, for `flagdeck inspect`: the scan (on both cores for
// a large log, with the index) hands over the cells that may hold a file (every cell of a file
// column; in other columns, cells with a path separator or a known extension); a cell whose file
// name occurs nowhere in the folder is classified at once, from the folder's one listing; the few
// others go through the reader, as a page of the UI would.
import type { AssetRef, Column } from '../../../shared/model';
import { AssetTally } from './asset-tally';
import { notFoundStatus } from '../../gradio/asset-resolver';
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
    for (const asset of await this.assets(reader, context)) tally.add(asset);
    return tally;
  }

  private async assets(reader: FolderReader, context: FolderContext): Promise<AssetRef[]> {
    const assets: AssetRef[] = [];
    // Cells the reader decodes, a batch at a time: their files are looked up on the disk's threads.
    const decoding: Promise<void>[] = [];
    const add = async (bytes: string, column: Column): Promise<void> => {
      const raw = decodeCellBytes(bytes, this.dialect.encoding).text;
      const quick = this.quickAsset(raw, column, context.root);
      if (quick === 'none') return;
      if (quick) assets.push(quick);
      else
        decoding.push(
          reader.decodeCell(raw, column, context).then((cell) => void assets.push(...cell.assets)),
        );
      if (decoding.length >= DECODED_AT_ONCE) await Promise.all(decoding.splice(0));
    };
    for (const [index, column] of this.columns.entries())
      for (const range of this.cells[index].splice(0)) for (const bytes of range) await add(bytes, column);
    for (const pairs of this.beyond.splice(0))
      for (let i = 0; i < pairs.length; i += 2) {
        const column = this.allColumns[pairs[i] as number];
        if (column) await add(pairs[i + 1] as string, column);
      }
    await Promise.all(decoding);
    return assets;
  }

  /**
   * The reference of a plain path cell whose file name occurs nowhere in the folder (or 'none');
   * undefined when the reader must decide (structured cells, names the folder holds).
   */
  private quickAsset(raw: string, column: Column, root: string): AssetRef | 'none' | undefined {
    const ref = undoInjectionEscape(raw).trim();
    if (SCALAR.test(ref)) return 'none';
    const name = lastSegment(ref);
    if (STRUCTURED.test(ref) || this.listing.mayHold(name)) return undefined;
    if (!looksLikePath(ref)) return 'none';
    const fileColumn = FILE_COLUMNS.get(column.kind);
    const extension = mediaByExtension(name);
    // decodeCell's rules: a text-like column keeps resolved files only; others need an extension.
    if (TEXT_LIKE.has(column.kind) || (!fileColumn && !extension)) return 'none';
    return { ref, status: notFoundStatus(root, ref), media: extension ?? fileColumn ?? 'file' };
  }
}

function nameHashes(listing: FolderListing): number[] | null {
  return (
    listing.everyName()?.map((name) => {
      const bytes = Buffer.from(name);
      return refHash(bytes, 0, bytes.length);
    }) ?? null
  );
}
