// The one API contract between the renderer and the main process, for both hosts (Electron IPC and
// `flagdeck serve`). Every call names its input and output schema; both hosts validate the input
// before a handler runs. Events are part of the contract too.
import { z } from 'zod';
import { ColumnKind, ReviewState, SampleRef, SampleRow, WorkspaceInfo } from './model';
import { callNames, eventNames } from './contract-names';
import { Facets, QueryInput, QueryResult, SampleFilter } from './query-api';
import { WorkspaceDelta } from './workspace-delta';
import { EditInput, EditResult, HistoryEntry, UndoResult } from './review-api';
import {
  ExportFinished,
  ExportPrivacy,
  ExportProgress,
  ExportStatusChoice,
  ExportFiles,
  ExportSummary,
  ExportTargetSpec,
} from './export';
import {
  ReplayFinished,
  ReplayMapping,
  ReplayOutcome,
  ReplayProgress,
  ReplayResult,
  ReplayRunSummary,
  Endpoint,
  DEFAULT_TIMEOUT_SECONDS,
  TimeoutSeconds,
} from './replay';

/** A reviewer's own flag option; retired ones stay listed so the reasons given with them keep their name. */
export const CustomFlagOption = z.object({ value: z.string(), retired: z.boolean().default(false) });
export type CustomFlagOption = z.infer<typeof CustomFlagOption>;

export const FlagOptions = z.object({
  folderId: z.string(),
  /** Options found in the logs' flag columns. */
  fromLogs: z.array(z.string()),
  /** Options the reviewer added (order = number keys 1-9), with retired ones kept for history. */
  custom: z.array(CustomFlagOption),
});
export type FlagOptions = z.infer<typeof FlagOptions>;

/** What an export takes: the filter (its `statuses` replaced by `statuses`), default the kept samples. */
export const ExportSelection = z.object({
  filter: SampleFilter.default({}),
  statuses: z.array(ExportStatusChoice).min(1).default(['keep']),
});
export type ExportSelection = z.infer<typeof ExportSelection>;

export const ExportStart = z.object({
  selection: ExportSelection,
  target: ExportTargetSpec,
  privacy: ExportPrivacy.default({ username: 'keep', stripExif: false }),
});
export type ExportStart = z.infer<typeof ExportStart>;

const folderId = z.object({ folderId: z.string() });
const none = z.object({}).default({});

/** Whether a Hugging Face Hub token is stored (the token itself never leaves the main process). */
export const HubTokenStatus = z.object({ set: z.boolean() });
export type HubTokenStatus = z.infer<typeof HubTokenStatus>;

/** What the desktop app's native menus ask the window to do. */
export const MenuCommand = z.enum(['openFolder', 'openRecent', 'export', 'push', 'undo', 'redo', 'settings']);
export type MenuCommand = z.infer<typeof MenuCommand>;

/** Every call: `name: { input, output }`. */
export const calls = {
  'workspace.open': { input: z.object({ paths: z.array(z.string()).min(1) }), output: WorkspaceInfo },
  'workspace.close': { input: folderId, output: WorkspaceInfo },
  'workspace.info': { input: none, output: WorkspaceInfo },
  /**
   * The snapshot the next `workspaceDelta` event applies to, as the host last sent it (null before
   * it sent any): a client that missed one, or joined late, takes up the deltas from it.
   */
  'workspace.deltaBase': { input: none, output: WorkspaceInfo.nullable() },
  'workspace.recent': { input: none, output: z.object({ paths: z.array(z.string()) }) },
  /** Desktop: a native folder dialog; serve: not available (the UI shows a path field). */
  'workspace.pickFolder': { input: none, output: z.object({ paths: z.array(z.string()) }) },
  'samples.query': { input: QueryInput, output: QueryResult },
  'samples.get': { input: SampleRef, output: SampleRow },
  'samples.facets': { input: z.object({ filter: SampleFilter.default({}) }), output: Facets },
  'review.edit': { input: EditInput, output: EditResult },
  'review.undo': { input: none, output: UndoResult },
  'review.redo': { input: none, output: UndoResult },
  'review.options': { input: folderId, output: FlagOptions },
  'review.setOptions': {
    input: folderId.extend({ custom: FlagOptions.shape.custom }),
    output: FlagOptions,
  },
  /** One sample's changes from its folder's journal, oldest first (undo one: `review.edit` with its `was`). */
  'review.history': { input: SampleRef, output: z.object({ entries: z.array(HistoryEntry) }) },
  'media.url': {
    input: z.object({
      folderId: z.string(),
      path: z.string(),
      thumb: z.number().int().positive().optional(),
    }),
    output: z.object({ url: z.string() }),
  },
  'file.reveal': { input: z.object({ folderId: z.string(), path: z.string() }), output: z.object({}) },
  /** Desktop: the Hub token, encrypted with the system keychain; serve: not available. */
  'hubToken.status': { input: none, output: HubTokenStatus },
  'hubToken.set': {
    input: z.object({
      token: z
        .string()
        .trim()
        .min(1, 'the token is empty')
        .regex(/^\S+$/, 'a Hub token has no spaces (copy it again from huggingface.co/settings/tokens)'),
    }),
    output: HubTokenStatus,
  },
  'hubToken.clear': { input: none, output: HubTokenStatus },
  'export.summary': { input: ExportSelection, output: ExportSummary },
  'export.files': { input: ExportSelection, output: ExportFiles },
  /** Starts an export in the background; `exportProgress` and `exportFinished` follow. */
  'export.start': { input: ExportStart, output: z.object({ jobId: z.string() }) },
  'export.cancel': { input: z.object({ jobId: z.string() }), output: z.object({}) },
  /** Connects to a Gradio app (URL or Space id): its endpoints and the mapping proposed for the folder. */
  'replay.connect': {
    input: z.object({ folderId: z.string(), app: z.string().trim().min(1, 'give the app URL or Space id') }),
    output: z.object({
      app: z.string(),
      gradioVersion: z.string().nullable(),
      endpoints: z.array(Endpoint),
      /** apiName -> proposed (or remembered) mapping. */
      proposals: z.record(z.string(), ReplayMapping),
      /** The folder's content columns, for the mapping pickers. */
      columns: z.array(z.string()),
    }),
  },
  /** Starts a run in the background (refused at once when the mapping or selection is wrong); `replayProgress` and `replayFinished` follow. */
  'replay.start': {
    input: z.object({
      folderId: z.string(),
      app: z.string().min(1),
      apiName: z.string(),
      mapping: ReplayMapping,
      /** Explicit samples, else the filter (restricted to the folder). */
      ids: z.array(z.string()).min(1).optional(),
      filter: SampleFilter.default({}),
      concurrency: z.number().int().min(1).max(64).default(4),
      /** How long one call may go unanswered before it is cancelled and retried (then: an error). */
      timeoutSeconds: TimeoutSeconds.default(DEFAULT_TIMEOUT_SECONDS),
    }),
    output: z.object({ run: z.string(), total: z.number().int().nonnegative() }),
  },
  'replay.cancel': { input: z.object({ run: z.string() }), output: z.object({}) },
  'replay.runs': { input: folderId, output: z.object({ runs: z.array(ReplayRunSummary) }) },
  /** A run's outcome per sample (for the table's replay column and its filter). */
  'replay.outcomes': {
    input: folderId.extend({ run: z.string() }),
    output: z.object({
      outcomes: z.array(z.object({ id: z.string(), outcome: ReplayOutcome })),
      /** Where the run's files are, relative to the folder (for media URLs); null when kept elsewhere. */
      filesBase: z.string().nullable(),
    }),
  },
  /** One sample's replayed outputs, compared. */
  'replay.result': {
    input: folderId.extend({ run: z.string(), id: z.string() }),
    output: z.object({ result: ReplayResult.nullable(), filesBase: z.string().nullable() }),
  },
} as const;

/** Every event pushed from the main process to every window. */
export const events = {
  rowsAppended: z.object({ folderId: z.string(), file: z.string(), ids: z.array(z.string()) }),
  logAdded: z.object({ folderId: z.string(), file: z.string() }),
  logReset: z.object({ folderId: z.string(), file: z.string(), reason: z.string() }),
  indexProgress: z.object({
    folderId: z.string(),
    file: z.string(),
    bytesIndexed: z.number(),
    bytesTotal: z.number(),
    rows: z.number(),
  }),
  workspaceChanged: WorkspaceInfo,
  /**
   * On the wire only: what the hosts send for `workspaceChanged` (shared/workspace-delta.ts), which
   * the renderer's transports make whole again; services emit `workspaceChanged`.
   */
  workspaceDelta: WorkspaceDelta,
  reviewChanged: z.object({
    changes: z.array(z.object({ folderId: z.string(), id: z.string(), review: ReviewState })),
  }),
  /** Desktop only, to the focused window: a native menu item was chosen (`path` for Recent). */
  menuCommand: z.object({ command: MenuCommand, path: z.string().optional() }),
  exportProgress: ExportProgress,
  exportFinished: ExportFinished,
  /** Files of these rows, missing when they were shown, have arrived: fetch the rows again. */
  assetsArrived: z.object({ folderId: z.string(), ids: z.array(z.string()) }),
  replayProgress: ReplayProgress,
  replayFinished: ReplayFinished,
} as const;

export type Calls = typeof calls;
export type CallName = keyof Calls;
export type CallInput<N extends CallName> = z.input<Calls[N]['input']>;
export type CallArgs<N extends CallName> = z.output<Calls[N]['input']>;
export type CallOutput<N extends CallName> = z.output<Calls[N]['output']>;
export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

/**
 * Who made a call, as the host knows it. `session` keys what each client keeps apart (its undo
 * history): a desktop window, a browser tab of `flagdeck serve`. Absent: the reviewer's own.
 */
export interface Caller {
  session?: string;
}

/** What a host needs to serve the API: one async handler per call. */
export type Handlers = {
  [N in CallName]: (args: CallArgs<N>, caller?: Caller) => Promise<CallOutput<N>>;
};

/** What the renderer sees, whatever the transport. */
export interface ApiClient {
  call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

export const isCallName = (name: string): name is CallName => Object.hasOwn(calls, name);

// The preload cannot load zod, so it takes the names from contract-names.ts: same sets, checked here.
type SameSet<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const callNamesMatch: SameSet<CallName, (typeof callNames)[number]> = true;
const eventNamesMatch: SameSet<EventName, (typeof eventNames)[number]> = true;
void [callNamesMatch, eventNamesMatch];
export const isEventName = (name: string): name is EventName => Object.hasOwn(events, name);

export { ColumnKind };
export * from './query-api';
export * from './review-api';

/**
 * Why a call failed: a name no host knows, input the schema refused, something that is not there
 * (`not-found`), a folder that is not open (`conflict`), a file or folder we may not read or open
 * (`forbidden`), or the handler threw.
 */
export type CallErrorCode =
  'unknown-call' | 'invalid-input' | 'not-found' | 'conflict' | 'forbidden' | 'failed' | 'unavailable';

/** The envelope both hosts return for every call (IPC reply and HTTP body alike). */
export type CallResult<T = unknown> =
  | { ok: true; value: T }
  | {
      ok: false;
      error: { code: CallErrorCode; message: string; issues: { path: string; message: string }[] };
    };
