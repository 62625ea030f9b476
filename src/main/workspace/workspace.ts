// The workspace service behind the `workspace.*` and `samples.*` calls: opens flagging folders,
// indexes every log in the background (first rows first), follows them while Gradio appends, and
// answers paged queries. Events go out through the injected `emit`.
import { stat } from 'node:fs/promises';
import { folderIsReadOnly } from '../review/location';
import { basename, join, resolve } from 'node:path';
import type { Facets, QueryResult, SampleFilter, SampleSort } from '../../shared/api';
import { notASampleId, type SampleRef, type SampleRow, type WorkspaceInfo } from '../../shared/model';
import type { GradioReader, RecordSource } from '../gradio/contracts';
import { ReaderRecordSource } from '../gradio/recordSource';
import type { ReviewStore, SampleIdentity } from '../review/contracts';
import { FolderReader } from '../gradio/reader';
import { Interner } from '../index/intern';
import { LogIndex } from '../index/logIndex';
import { QueryEngine, SLOT, type QueryLog, type Selection } from '../index/query';
import { ReviewOverlay } from '../index/reviewOverlay';
import { indexLog } from '../index/indexLog';
import { indexLogParallel } from '../index/scanWorkers';
import { refreshLog, rememberTail } from '../index/refreshLog';
import { LogFollower, DEFAULT_TIMING } from '../index/logFollower';
import { watchFolder } from '../index/folderWatch';
import { FolderState, parseSampleId, sampleId, type LogEntry } from './folderState';
import { folderIdOf } from './folderId';
import { logInfo } from './logInfo';
import { sampleRows } from './sampleRows';
import { facetsOf } from './facets';
import { identitiesOf } from './identities';
import { readRecent, rememberRecent } from './recent';
import { hasWholeFirstLine, LOG_NAME } from './newLogFiles';
import type { Emit, WorkspaceOptions } from './options';

export type { Emit, WorkspaceOptions };
import { readRecords } from '../index/readRecords';
import { badInput, notFound, notOpen } from '../../shared/call-errors';
import { logsIn } from './logsIn';

const FIRST_BYTES = 256 * 1024;
/** The bulk index starts this long after the first rows, so the first page is served first. */
const BULK_DELAY_MS = 60;
const PROGRESS_MS = 100;

export class Workspace {
  private readonly folders = new Map<string, FolderState>();
  private readonly reasons = new Interner();
  private readonly usernames = new Interner();
  private readonly engine = new QueryEngine({ reasons: this.reasons, usernames: this.usernames });
  private readonly reader: GradioReader;
  private readonly source: RecordSource;
  private readonly say: (message: string) => void;

  constructor(private readonly options: WorkspaceOptions) {
    this.reader = options.reader ?? new FolderReader();
    this.source = options.recordSource ?? new ReaderRecordSource();
    this.say = options.log ?? (() => undefined);
  }

  info(): WorkspaceInfo {
    return {
      folders: [...this.folders.values()].map((folder) => ({
        id: folder.id,
        path: folder.root,
        name: folder.name,
        logs: [...folder.logs.values()].map((entry) => logInfo(entry.query.log)),
        readOnly: folder.readOnly,
      })),
    };
  }

  folderRoot(folderId: string): string | undefined {
    return this.folders.get(folderId)?.root;
  }

  async recent(): Promise<string[]> {
    return readRecent(this.options.recentFile);
  }

  /**
   * Opens folders (an open one is kept as it is). Resolves once each log's first rows are indexed.
   * A folder that cannot be opened leaves no trace; the others open, and the error names it.
   */
  async open(paths: string[]): Promise<WorkspaceInfo> {
    const roots = paths.map((path) => resolve(path));
    const opened: string[] = [];
    const failures: unknown[] = [];
    for (const root of roots) {
      try {
        await this.openFolder(root);
        opened.push(root);
      } catch (error) {
        failures.push(error);
      }
    }
    if (opened.length > 0) {
      await rememberRecent(this.options.recentFile, opened).catch((error: unknown) => this.say(String(error)));
      this.changed();
    }
    if (failures.length > 0) throw failures[0];
    return this.info();
  }

  async close(folderId: string): Promise<WorkspaceInfo> {
    const folder = this.folders.get(folderId);
    if (folder) {
      this.folders.delete(folderId);
      await this.shut(folder);
      this.changed();
    }
    return this.info();
  }

  async dispose(): Promise<void> {
    const folders = [...this.folders.values()];
    this.folders.clear();
    await Promise.all(folders.map((folder) => this.shut(folder)));
  }

  /** Resolves when every log opened so far is fully indexed. */
  async whenIndexed(): Promise<void> {
    for (const folder of this.folders.values())
      await Promise.all([...folder.logs.values()].map((e) => e.indexed));
  }

  /** Resolves when no follow check is running (tests). */
  async whenIdle(): Promise<void> {
    for (const folder of this.folders.values()) {
      await Promise.all([...folder.logs.values()].map((e) => e.follower.idle()));
    }
  }

  async query(input: {
    filter: SampleFilter;
    sort?: SampleSort;
    offset: number;
    limit: number;
  }): Promise<QueryResult> {
    const selection = await this.select(input.filter, input.sort);
    const page = selection.refs.subarray(input.offset, input.offset + input.limit);
    return { total: selection.refs.length, rows: await this.rowsOf(selection, page) };
  }

  async get(ref: SampleRef): Promise<SampleRow> {
    const { entry, row } = this.locate(ref.folderId, ref.id);
    const [sample] = await this.rowsOf(
      { logs: [entry.query], refs: new Float64Array([row]) },
      new Float64Array([row]),
    );
    return sample;
  }

  async facets(filter: SampleFilter): Promise<Facets> {
    return facetsOf(await this.select(filter), this.dictionaries());
  }

  /** Identities of samples of one folder, in the order given (an unknown id throws, naming it). */
  async identify(folderId: string, ids: string[]): Promise<SampleIdentity[]> {
    const located = ids.map((id) => ({ id, ...this.locate(folderId, id) }));
    return Promise.all(
      located.map(async ({ id, entry, row }) => {
        const [record] = await readRecords(entry.query.log, [row]);
        this.folders.get(folderId)?.rememberHash(id, record.hash);
        return {
          id,
          rowHash: record.hash,
          originalReason: this.reasons.valueOf(entry.query.log.reasons[row]),
        };
      }),
    );
  }

  /** Every sample matching a filter, grouped by folder id (bulk edits). */
  async matching(filter: SampleFilter): Promise<Map<string, SampleIdentity[]>> {
    return identitiesOf(await this.select(filter), this.reasons);
  }

  /** The distinct flag values found in a folder's logs. */
  flagValues(folderId: string): (string | null)[] {
    const folder = this.folders.get(folderId);
    if (!folder) throw notOpen(folderId);
    const codes = new Set<number>();
    for (const { query } of folder.logs.values()) {
      const { log } = query;
      if (log.shape.roles.flag === undefined) continue;
      for (let row = 0; row < log.count; row++) codes.add(log.reasons[row]);
    }
    return [...codes].map((code) => this.reasons.valueOf(code));
  }

  /** The current row hash of a sample, when it was read lately. */
  rowHash(folderId: string, id: string): string | undefined {
    return this.folders.get(folderId)?.hashes.get(id);
  }

  private queryLogs(): QueryLog[] {
    return [...this.folders.values()].flatMap((folder) =>
      [...folder.logs.values()].map((entry) => entry.query),
    );
  }

  private select(filter: SampleFilter, sort?: SampleSort): Promise<Selection> {
    return this.engine.select(this.queryLogs(), filter, sort);
  }

  private locate(folderId: string, id: string): { entry: LogEntry; row: number } {
    const folder = this.folders.get(folderId);
    if (!folder) throw notOpen(folderId);
    const parsed = parseSampleId(id);
    if (!parsed) throw badInput(notASampleId(id));
    const entry = folder.logs.get(parsed.file);
    if (!entry || parsed.row >= entry.query.log.count) {
      throw notFound(`no sample "${id}" in ${folder.root} (ids are <log file>#<data row>, e.g. log.csv#1)`);
    }
    return { entry, row: parsed.row };
  }

  private async rowsOf(selection: Selection, page: Float64Array): Promise<SampleRow[]> {
    const bySlot = new Map<number, number[]>();
    for (const ref of page) {
      const slot = Math.floor(ref / SLOT);
      let rows = bySlot.get(slot);
      if (!rows) bySlot.set(slot, (rows = []));
      rows.push(ref % SLOT);
    }
    const found = new Map<number, SampleRow>();
    for (const [slot, rows] of bySlot) {
      const q = selection.logs[slot];
      const folder = this.folders.get(q.folderId);
      if (!folder) continue;
      const samples = await sampleRows(q, rows, {
        reader: this.reader,
        root: folder.root,
        store: folder.store,
        reasons: this.reasons,
        usernames: this.usernames,
        sawHash: (id, hash) => folder.rememberHash(id, hash),
      });
      rows.forEach((row, i) => found.set(slot * SLOT + row, samples[i]));
    }
    return [...page].flatMap((ref) => found.get(ref) ?? []);
  }

  private changed(): void {
    this.options.emit('workspaceChanged', this.info());
  }

  private async openFolder(root: string): Promise<void> {
    const id = folderIdOf(root);
    if (this.folders.has(id)) return;
    // Nothing is written into a folder (journal, thumbnails) before a flagging log was found in it.
    const files = await logsIn(this.reader, root);
    const readOnly = await folderIsReadOnly(root);
    const folder = new FolderState(id, root, basename(root), readOnly);
    this.folders.set(id, folder);
    try {
      if (this.options.reviewStoreFor)
        await this.attachStore(folder, await this.options.reviewStoreFor(id, root));
      await Promise.all(files.map((file) => this.addLog(folder, file)));
      // Logs were added as their shapes came in; list them in the reader's order.
      for (const file of files) {
        const entry = folder.logs.get(file);
        if (!entry) continue;
        folder.logs.delete(file);
        folder.logs.set(file, entry);
      }
      if (this.options.follow !== false) await this.follow(folder);
    } catch (error) {
      this.folders.delete(id);
      await this.shut(folder);
      throw error;
    }
  }

  private async attachStore(folder: FolderState, store: ReviewStore): Promise<void> {
    folder.store = store;
    const apply = (ids: Iterable<string>): void => {
      for (const id of ids) {
        const parsed = parseSampleId(id);
        const entry = parsed && folder.logs.get(parsed.file);
        if (parsed && entry)
          entry.query.overlay.set(parsed.row, store.get(id, folder.hashes.get(id)), this.reasons);
      }
    };
    folder.stopStore = store.onChange((ids) => apply(ids));
    folder.applyStore = () => apply(store.ids());
  }

  /** Adds one log: its shape now, its first rows in this thread, the rest in the background. */
  private async addLog(folder: FolderState, file: string, announce = false): Promise<LogEntry | undefined> {
    if (folder.logs.has(file)) return folder.logs.get(file);
    let shape;
    try {
      shape = await this.reader.shapeOf(folder.root, file);
    } catch (error) {
      this.say(`${join(folder.root, file)}: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
    const log = new LogIndex(join(folder.root, file), shape);
    if (shape.dialect.format === 'jsonl') log.source = this.source;
    const query: QueryLog = {
      folderId: folder.id,
      key: `${folder.id}/${file}`,
      log,
      overlay: new ReviewOverlay(),
    };
    const follower = new LogFollower(
      (final) => this.refresh(folder, entry, final),
      (error) => this.say(`${log.path}: ${String(error)}`),
      this.options.timing ?? DEFAULT_TIMING,
    );
    const entry: LogEntry = { query, follower, indexed: Promise.resolve(), done: false };
    folder.logs.set(file, entry);
    await indexLog(log, this.dictionaries(), {
      final: false,
      until: shape.dataStart + (this.options.firstBytes ?? FIRST_BYTES),
    });
    folder.applyStore?.();
    entry.indexed = this.indexRest(folder, entry, announce);
    return entry;
  }

  private dictionaries() {
    return { reasons: this.reasons, usernames: this.usernames };
  }

  /** Indexes the rest of a log; `announce`: its rows are new to the UI (a log added while following). */
  private async indexRest(folder: FolderState, entry: LogEntry, announce: boolean): Promise<void> {
    const { log } = entry.query;
    await new Promise((resolve) => setTimeout(resolve, this.options.bulkDelayMs ?? BULK_DELAY_MS));
    let last = 0;
    const progress = (): void => {
      const now = Date.now();
      if (now - last < PROGRESS_MS) return;
      last = now;
      this.options.emit('indexProgress', {
        folderId: folder.id,
        file: log.file,
        bytesIndexed: log.indexedEnd,
        bytesTotal: log.size,
        rows: log.count,
      });
    };
    try {
      // A file nobody wrote to lately is whole: a last row without line terminator is read too.
      const quietFor = Date.now() - (await stat(log.path)).mtimeMs;
      const final = quietFor > (this.options.timing ?? DEFAULT_TIMING).finalQuietMs;
      await indexLogParallel(log, this.dictionaries(), { final, onChunk: progress });
      await rememberTail(log);
    } catch (error) {
      this.say(`${log.path}: ${error instanceof Error ? error.message : String(error)}`);
    }
    entry.done = true;
    folder.applyStore?.();
    last = 0;
    progress();
    if (!folder.closed) {
      if (announce && log.count > 0) {
        const ids = Array.from({ length: log.count }, (_, row) => sampleId(log.file, row));
        this.options.emit('rowsAppended', { folderId: folder.id, file: log.file, ids });
      }
      this.changed();
      // Whatever was appended meanwhile, and a last row without terminator.
      entry.follower.poke();
    }
  }

  private async refresh(folder: FolderState, entry: LogEntry, final: boolean) {
    const { log, overlay } = entry.query;
    if (!entry.done) return { pendingTail: false, size: log.size };
    const result = await refreshLog(
      log,
      this.dictionaries(),
      () => this.reader.shapeOf(folder.root, log.file),
      final,
    );
    if (result.reset !== undefined) {
      this.engine.forget(entry.query.key);
      overlay.clear();
      folder.applyStore?.();
      this.options.emit('logReset', { folderId: folder.id, file: log.file, reason: result.reset });
      this.changed();
    }
    // After a reset the UI reloads the log; rowsAppended is for rows added to what it has.
    if (result.reset === undefined && log.count > result.firstNew) {
      const ids: string[] = [];
      for (let row = result.firstNew; row < log.count; row++) ids.push(sampleId(log.file, row));
      folder.applyStore?.();
      this.options.emit('rowsAppended', { folderId: folder.id, file: log.file, ids });
    }
    return result;
  }

  private async follow(folder: FolderState): Promise<void> {
    const watcher = await watchFolder(folder.root, {
      changed: (file) => {
        const entry = folder.logs.get(file);
        if (entry) entry.follower.poke();
        else if (LOG_NAME.test(file)) void this.maybeNewLog(folder, file);
      },
      removed: (file) => folder.logs.get(file)?.follower.poke(),
      error: (error) => this.say(`${folder.root}: ${String(error)}`),
    });
    folder.closeWatch = () => watcher.close();
    const pollMs = this.options.pollMs ?? 1000;
    if (pollMs > 0) {
      folder.poll = setInterval(() => {
        for (const entry of folder.logs.values()) entry.follower.poll();
      }, pollMs);
      folder.poll.unref();
    }
  }

  /** A file appeared or changed that is not a known log: add it once it is a log with a whole first line. */
  private async maybeNewLog(folder: FolderState, file: string): Promise<void> {
    if (folder.pending.has(file) || folder.logs.has(file) || folder.closed) return;
    folder.pending.add(file);
    try {
      if (!(await hasWholeFirstLine(join(folder.root, file)))) return;
      const logs = await this.reader.findLogs(folder.root).catch(() => [] as string[]);
      if (!logs.includes(file) || folder.logs.has(file) || folder.closed) return;
      const entry = await this.addLog(folder, file, true);
      if (!entry) return;
      this.options.emit('logAdded', { folderId: folder.id, file });
      this.changed();
    } finally {
      folder.pending.delete(file);
    }
  }

  private async shut(folder: FolderState): Promise<void> {
    folder.closed = true;
    if (folder.poll) clearInterval(folder.poll);
    for (const entry of folder.logs.values()) {
      entry.follower.close();
      this.engine.forget(entry.query.key);
    }
    folder.stopStore?.();
    await this.options.releaseStoreFor?.(folder.id);
    await folder.closeWatch?.();
    await Promise.all([...folder.logs.values()].map((e) => e.indexed.catch(() => undefined)));
  }
}

export function createWorkspace(options: WorkspaceOptions): Workspace {
  return new Workspace(options);
}
