// The query side of a workspace: pages of samples, one sample, facets, identities for review edits.
import type { Facets, QueryResult, SampleFilter, SampleSort } from '../../shared/api';
import { badInput, notFound, notOpen } from '../../shared/call-errors';
import type { SampleRef, SampleRow } from '../../shared/model';
import { notASampleId, parseSampleId } from '../../shared/sample-id';
import type { SampleIdentity } from '../review/review-store';
import type { RowsWanted, Selection } from '../query/query';
import type { QueryLog } from '../query/query-log';
import { MARK_CODES, markOf, type MarksByLog } from '../query/replay-marks';
import type { ReplayOutcome } from '../../shared/replay';
import { rowsBySlot, SLOT, type RowRefs } from '../query/row-refs';
import type { FolderState, LogEntry } from './folder-state';
import { sampleRows } from './sample-rows';
import { facetsOf } from './facets';
import { identitiesOf } from './identities';
import type { WorkspaceContext } from './workspace-context';
import { holdYoungGeneration } from '../platform/young-generation';

export class WorkspaceQueries {
  private allLogs?: { folders: FolderState[]; changes: number[]; logs: QueryLog[] };

  constructor(private readonly ctx: WorkspaceContext) {}

  /**
   * A page of the query; `upTo`: no page past the first `upTo` rows will be asked for (a script);
   * without it, later pages may be (the UI), see QueryEngine.select.
   */
  async query(
    input: { filter: SampleFilter; sort?: SampleSort; offset: number; limit: number },
    upTo?: number,
  ): Promise<QueryResult> {
    // Where each query starts: the process that answers queries holds large logs' indexes, and a
    // worker booted since may have reset the hold (young-generation.ts).
    holdYoungGeneration();
    const marks = await this.marksFor(input.filter);
    const wanted = upTo !== undefined ? { upTo } : { pageEnd: input.offset + input.limit };
    const selection = await this.select(input.filter, input.sort, marks, wanted);
    const page = selection.refs.subarray(input.offset, input.offset + input.limit);
    const total = selection.total ?? selection.refs.length;
    return { total, rows: await this.rowsOf(selection, page, marks) };
  }

  async get(ref: SampleRef): Promise<SampleRow> {
    const { entry, row } = this.locate(ref.folderId, ref.id);
    const [sample] = await this.rowsOf(
      { logs: [entry.query], refs: new Float64Array([row]) },
      new Float64Array([row]),
      await this.marksFor({}),
    );
    return sample;
  }

  async facets(filter: SampleFilter): Promise<Facets> {
    return facetsOf(await this.select(filter), this.ctx.interners());
  }

  /** Identities of samples of one folder, in the order given (an unknown id throws, naming it). */
  async identify(folderId: string, ids: string[]): Promise<SampleIdentity[]> {
    const located = ids.map((id) => this.locate(folderId, id));
    const logs = [...new Set(located.map(({ entry }) => entry.query))];
    const refs = Float64Array.from(located, ({ entry, row }) => logs.indexOf(entry.query) * SLOT + row);
    const found = (await identitiesOf({ logs, refs }, this.ctx.reasons)).get(folderId) ?? [];
    const byId = new Map(found.map((identity) => [identity.id, identity]));
    for (const identity of found) this.ctx.folders.get(folderId)?.rememberHash(identity.id, identity.rowHash);
    return ids.map((id) => {
      const identity = byId.get(id);
      if (!identity) throw new Error(`no sample "${id}" in folder "${folderId}"`);
      return identity;
    });
  }

  /** Every sample matching a filter, grouped by folder id (bulk edits). */
  async matching(filter: SampleFilter): Promise<Map<string, SampleIdentity[]>> {
    return identitiesOf(await this.select(filter), this.ctx.reasons);
  }

  /** The distinct flag values found in a folder's logs. */
  flagValues(folderId: string): (string | null)[] {
    const folder = this.ctx.folders.get(folderId);
    if (!folder) throw notOpen(folderId);
    const codes = new Set<number>();
    for (const { query } of folder.logs.values()) {
      const { log } = query;
      if (log.shape.roles.flag === undefined) continue;
      for (let row = 0; row < log.count; row++) codes.add(log.reasons[row]);
    }
    return [...codes].map((code) => this.ctx.reasons.valueOf(code));
  }

  /** The current row hash of a sample, when it was read lately. */
  rowHash(folderId: string, id: string): string | undefined {
    return this.ctx.folders.get(folderId)?.hashes.get(id);
  }

  /**
   * Every open log: the same list until a folder or a log comes or goes (made anew, it cost 6 ms a
   * query in a folder of 20,000 sample logs).
   */
  private queryLogs(): QueryLog[] {
    const folders = [...this.ctx.folders.values()];
    const kept = this.allLogs;
    const same = (folder: FolderState, i: number): boolean =>
      kept?.folders[i] === folder && kept.changes[i] === folder.logs.changes;
    if (kept && kept.folders.length === folders.length && folders.every(same)) return kept.logs;
    const logs = folders.flatMap((folder) => [...folder.logs.values()].map((entry) => entry.query));
    this.allLogs = { folders, changes: folders.map((folder) => folder.logs.changes), logs };
    return logs;
  }

  private async select(
    filter: SampleFilter,
    sort?: SampleSort,
    marks?: MarksByLog,
    wanted?: RowsWanted,
  ): Promise<Selection> {
    const all = this.queryLogs();
    return this.ctx.engine.select(all, filter, sort, marks ?? (await this.marksFor(filter)), wanted);
  }

  /** The replay outcome of every row in the run the filter shows (none without replay runs). */
  private async marksFor(filter: SampleFilter): Promise<MarksByLog | undefined> {
    const source = this.ctx.options.replayMarks;
    if (!source) return undefined;
    const folders = [...this.ctx.folders.values()].map((folder) => ({
      id: folder.id,
      root: folder.root,
      logs: () =>
        [...folder.logs].map(([file, entry]) => ({
          file,
          key: entry.query.key,
          count: entry.query.log.count,
          index: entry.query.log,
        })),
    }));
    return source.marksFor(folders, filter.replay?.run);
  }

  private locate(folderId: string, id: string): { entry: LogEntry; row: number } {
    const folder = this.ctx.folders.get(folderId);
    if (!folder) throw notOpen(folderId);
    const parsed = parseSampleId(id);
    if (!parsed) throw badInput(notASampleId(id));
    const entry = folder.logs.get(parsed.file);
    if (!entry || parsed.row >= entry.query.log.count) {
      throw notFound(`no sample "${id}" in ${folder.root} (ids are <log file>#<data row>, e.g. log.csv#1)`);
    }
    return { entry, row: parsed.row };
  }

  private async rowsOf(selection: Selection, page: RowRefs, marks?: MarksByLog): Promise<SampleRow[]> {
    const found = new Map<number, SampleRow>();
    for (const [slot, rows] of rowsBySlot(page)) {
      const q = selection.logs[slot];
      const folder = this.ctx.folders.get(q.folderId);
      if (!folder) continue;
      const samples = await sampleRows(q, rows, {
        reader: this.ctx.reader,
        root: folder.root,
        store: folder.store,
        reasons: this.ctx.reasons,
        usernames: this.ctx.usernames,
        sawHash: (id, hash) => folder.rememberHash(id, hash),
        sawMissing: (id, cells) => folder.lateAssets.note(id, cells),
      });
      const logMarks = marks?.get(q.key);
      rows.forEach((row, i) => {
        const code = markOf(logMarks, row);
        const sample = samples[i];
        if (logMarks && code !== 0) {
          sample.replay = { run: logMarks.run, outcome: MARK_CODES[code] as ReplayOutcome };
        }
        found.set(slot * SLOT + row, sample);
      });
    }
    return [...page].flatMap((ref) => found.get(ref) ?? []);
  }
}
