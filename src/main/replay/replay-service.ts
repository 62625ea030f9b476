// Replay as a service over an open workspace: connect to an app, propose or check a mapping for a
// folder's log, start a run (or resume one) over the selected samples, list the stored runs.
import { mkdir } from 'node:fs/promises';
import type { QueryResult, SampleFilter } from '../../shared/api';
import type { Column, FolderInfo, SampleRow, WorkspaceInfo } from '../../shared/model';
import type {
  Endpoint,
  ReplayCounts,
  ReplayMapping,
  ReplayResult,
  ReplayRunInfo,
  ReplayRunSummary,
} from '../../shared/replay';
import { DEFAULT_TIMEOUT_SECONDS, ReplayOutcome } from '../../shared/replay';
import { locateReview } from '../review/location';
import { connectApp, type GradioApp } from './gradio-app';
import { pickEndpoint } from './endpoint-choice';
import { applyOverrides, checkMapping, MappingError, proposeMapping } from './mapping';
import { replayRows, type RetryPolicy, type RunOutcome } from './replay-run';
import { newRunId, readResult, RunStore, runSummaries } from './run-store';
import { savedMapping, saveMapping } from './saved-mappings';

/** What replay needs from a workspace (the Workspace class has these). */
export interface ReplaySource {
  info(): WorkspaceInfo;
  query(input: { filter: SampleFilter; offset: number; limit: number }): Promise<QueryResult>;
  get(ref: { folderId: string; id: string }): Promise<SampleRow>;
  /** Samples matching a filter, by folder (a `replay` filter applies the run's current marks). */
  matching(filter: SampleFilter): Promise<Map<string, { id: string }[]>>;
}

export interface ReplayRequest {
  folderId: string;
  app: string;
  apiName?: string;
  /** A whole mapping (the UI), or `column=slot` pairs over the proposal (the CLI). */
  mapping?: ReplayMapping;
  overrides?: { column: string; slot: string }[];
  /** The selection: explicit ids, else the filter (within the folder). */
  ids?: string[];
  filter?: SampleFilter;
  concurrency?: number;
  /** Per-call timeout (default DEFAULT_TIMEOUT_SECONDS); kept in run.json for a resume. */
  timeoutSeconds?: number;
  retry?: RetryPolicy;
}

export interface ReplayCallbacks {
  signal?: AbortSignal;
  onStart?: (run: ReplayRunInfo) => void;
  onResult?: (result: ReplayResult, done: number, counts: ReplayCounts) => void;
}

export interface PreparedRun {
  info: ReplayRunInfo;
  run(callbacks?: ReplayCallbacks): Promise<ReplayReport>;
}

export interface ReplayReport extends RunOutcome {
  run: string;
  endpoint: string;
  total: number;
  dir: string;
}

const PAGE = 1000;

export class ReplayService {
  constructor(
    private readonly source: ReplaySource,
    private readonly dataDir: string,
  ) {}

  async reviewDir(folderId: string): Promise<string> {
    const folder = this.folder(folderId);
    const location = await locateReview(folder.path, { dataDir: this.dataDir });
    await mkdir(location.dir, { recursive: true });
    return location.dir;
  }

  folder(folderId: string): FolderInfo {
    const folder = this.source.info().folders.find((f) => f.id === folderId);
    if (!folder) throw new Error(`folder ${folderId} is not open`);
    return folder;
  }

  /** The app's endpoints, with the mapping proposed (or remembered) for the folder's first log. */
  async connect(
    folderId: string,
    app: string,
  ): Promise<{ app: GradioApp; proposals: Map<string, ReplayMapping> }> {
    const gradio = await connectApp(app);
    const dir = await this.reviewDir(folderId);
    const columns = this.columnsOfFolder(folderId);
    const proposals = new Map<string, ReplayMapping>();
    for (const endpoint of gradio.endpoints) {
      proposals.set(
        endpoint.apiName,
        (await savedMapping(dir, endpoint.apiName)) ?? proposeMapping(endpoint, columns),
      );
    }
    return { app: gradio, proposals };
  }

  async start(request: ReplayRequest, callbacks: ReplayCallbacks = {}): Promise<ReplayReport> {
    const prepared = await this.prepare(request);
    callbacks.onStart?.(prepared.info);
    return prepared.run(callbacks);
  }

  /**
   * Everything that can be refused before a run starts (no app, no such endpoint, a mapping that
   * names what is not there, an empty selection), then the run itself when asked for.
   */
  async prepare(request: ReplayRequest): Promise<PreparedRun> {
    const app = await connectApp(request.app);
    try {
      const endpoint = pickEndpoint(app.endpoints, request.apiName, request.app);
      const rows = await this.selectedRows(request);
      const dir = await this.reviewDir(request.folderId);
      const mapping = await this.mappingFor(request, endpoint, rows, dir);
      await saveMapping(dir, endpoint.apiName, mapping);
      const store = await RunStore.create(dir, {
        run: newRunId(),
        folder: this.folder(request.folderId).path,
        app: request.app,
        endpoint: endpoint.apiName,
        gradioVersion: app.gradioVersion,
        mapping,
        samples: rows.map((row) => row.id),
        concurrency: request.concurrency ?? 4,
        timeoutSeconds: request.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS,
        startedAt: new Date().toISOString(),
        endedAt: null,
        state: 'running',
      });
      return {
        info: store.run,
        run: async (callbacks = {}) => {
          try {
            return await this.runOn(app, endpoint, store, rows, request, callbacks);
          } finally {
            app.close();
          }
        },
      };
    } catch (error) {
      app.close();
      throw error;
    }
  }

  /** Replays the samples of a stored run that have no result yet, against the run's app (or `app`). */
  async resume(
    folderId: string,
    run: string,
    options: {
      app?: string;
      concurrency?: number;
      timeoutSeconds?: number;
      retry?: RetryPolicy;
    } & ReplayCallbacks = {},
  ): Promise<ReplayReport> {
    const dir = await this.reviewDir(folderId);
    const store = await RunStore.open(dir, run);
    const info = store.run;
    const app = await connectApp(options.app ?? info.app);
    try {
      const endpoint = pickEndpoint(app.endpoints, info.endpoint, info.app);
      const rows = await this.rowsById(folderId, info.samples);
      const timeoutSeconds = options.timeoutSeconds ?? info.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
      await store.update({ state: 'running', endedAt: null, timeoutSeconds });
      options.onStart?.(store.run);
      const request = {
        folderId,
        app: info.app,
        concurrency: options.concurrency ?? info.concurrency,
        retry: options.retry,
      };
      return await this.runOn(app, endpoint, store, rows, request, options);
    } finally {
      app.close();
    }
  }

  async runs(folderId: string): Promise<ReplayRunSummary[]> {
    return runSummaries(await this.reviewDir(folderId));
  }

  async results(
    folderId: string,
    run: string,
  ): Promise<{ info: ReplayRunInfo; dir: string; results: ReplayResult[] }> {
    const store = await RunStore.open(await this.reviewDir(folderId), run);
    return { info: store.run, dir: store.dir, results: await store.results() };
  }

  /**
   * The outcome of each sample of a run that still describes its row: a result made from a row the
   * log has rewritten since is left out, as the table's replay column leaves it out.
   */
  async outcomes(folderId: string, run: string): Promise<{ id: string; outcome: ReplayOutcome }[]> {
    const { results } = await this.results(folderId, run);
    const outcomes = ReplayOutcome.options;
    const current = await this.source.matching({ folderIds: [folderId], replay: { run, outcomes } });
    const fresh = new Set((current.get(folderId) ?? []).map((sample) => sample.id));
    return results.filter((result) => fresh.has(result.id)).map(({ id, outcome }) => ({ id, outcome }));
  }

  /** One sample's result in a run (undefined when it has none). */
  async result(folderId: string, run: string, id: string): Promise<ReplayResult | undefined> {
    const store = await RunStore.open(await this.reviewDir(folderId), run);
    return readResult(store.dir, id);
  }

  private async runOn(
    app: GradioApp,
    endpoint: Endpoint,
    store: RunStore,
    rows: SampleRow[],
    request: Pick<ReplayRequest, 'folderId' | 'concurrency' | 'retry'>,
    callbacks: ReplayCallbacks,
  ): Promise<ReplayReport> {
    const folder = this.folder(request.folderId);
    const outcome = await replayRows({
      app,
      endpoint,
      mapping: store.run.mapping,
      root: folder.path,
      columnsOf: (log) => folder.logs.find((l) => l.file === log)?.columns ?? [],
      rows,
      store,
      concurrency: request.concurrency ?? 4,
      timeoutMs: (store.run.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000,
      ...(request.retry ? { retry: request.retry } : {}),
      ...(callbacks.signal ? { signal: callbacks.signal } : {}),
      ...(callbacks.onResult ? { onResult: callbacks.onResult } : {}),
    });
    return { ...outcome, run: store.run.run, endpoint: endpoint.apiName, total: rows.length, dir: store.dir };
  }

  private async mappingFor(
    request: ReplayRequest,
    endpoint: Endpoint,
    rows: SampleRow[],
    dir: string,
  ): Promise<ReplayMapping> {
    const logs = [...new Set(rows.map((row) => row.log))];
    const firstColumns = this.columnsOfLog(request.folderId, logs[0]);
    const base =
      request.mapping ??
      (await savedMapping(dir, endpoint.apiName)) ??
      proposeMapping(endpoint, firstColumns);
    const mapping = applyOverrides(base, request.overrides ?? [], endpoint);
    for (const log of logs) checkMapping(mapping, endpoint, this.columnsOfLog(request.folderId, log), log);
    return mapping;
  }

  private columnsOfLog(folderId: string, log: string | undefined): Column[] {
    const info = this.folder(folderId).logs.find((l) => l.file === log) ?? this.folder(folderId).logs[0];
    return info?.columns ?? [];
  }

  private columnsOfFolder(folderId: string): Column[] {
    const seen = new Map<string, Column>();
    for (const log of this.folder(folderId).logs)
      for (const column of log.columns) seen.set(column.name, column);
    return [...seen.values()];
  }

  private async selectedRows(request: ReplayRequest): Promise<SampleRow[]> {
    if (request.ids) return this.rowsById(request.folderId, request.ids);
    const filter: SampleFilter = { ...(request.filter ?? {}), folderIds: [request.folderId] };
    const rows: SampleRow[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const page = await this.source.query({ filter, offset, limit: PAGE });
      rows.push(...page.rows);
      if (page.rows.length < PAGE || rows.length >= page.total) break;
    }
    if (rows.length === 0) throw new MappingError('no sample matches the selection');
    return rows;
  }

  private rowsById(folderId: string, ids: string[]): Promise<SampleRow[]> {
    return Promise.all(ids.map((id) => this.source.get({ folderId, id })));
  }
}
