// What the parts of a workspace share: the open folders, the reason and username interners, the
// query engine, the reader, and how to tell the UI that something changed.
import { isAbsolute, relative, sep } from 'node:path';
import type { WorkspaceInfo } from '../../shared/model';
import type { GradioReader, RecordSource } from '../gradio/log-model';
import { ReaderRecordSource } from '../gradio/record-source';
import type { SharedInterners } from '../log-index/apply-scan';
import { Interner } from '../log-index/intern';
import { scannerReader } from '../log-index/scanner-reader';
import { QueryEngine } from '../query/query';
import type { FolderState } from './folder-state';
import { logInfo } from './log-info';
import type { WorkspaceOptions } from './options';

/**
 * Changes within this long of the last one told are told once, at the window's end: a folder of
 * 5,000 one-row logs (the HF saver's per-sample folders) told the UI of each log indexed, with
 * every log's info each time (1.8 s of its 7.2 s open here, 5,000 messages for the UI).
 */
const CHANGE_WINDOW_MS = 50;
/**
 * And this much longer per log open: each message lists every log (5,000 sample folders: 1.9 MB of
 * JSON each), and a folder's logs now open a few dozen at a time, so that its open told the UI 47
 * times, every 50 ms; with the window growing to 550 ms as they open, 10 times.
 */
const CHANGE_WINDOW_MS_PER_LOG = 0.1;

/**
 * Where a workspace's snapshot revisions start: above any that an earlier run gave, so that a page
 * left open while `flagdeck serve` restarted takes the new run's snapshots (a page keeps the highest
 * it has seen). An earlier run would have had to make over a thousand snapshots a millisecond, on
 * average over its life, to reach it: one makes a few a second.
 */
const firstRevision = (): number => Date.now() * 1000;

export class WorkspaceContext {
  readonly folders = new Map<string, FolderState>();
  readonly reasons = new Interner();
  readonly usernames = new Interner();
  readonly engine = new QueryEngine({ reasons: this.reasons, usernames: this.usernames });
  readonly reader: GradioReader;
  readonly source: RecordSource;
  readonly logProblem: (message: string) => void;
  private snapshots = firstRevision();
  private lastTold = -Infinity;
  private tellLater: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;

  constructor(readonly options: WorkspaceOptions) {
    this.reader = options.reader ?? scannerReader();
    this.source = options.recordSource ?? new ReaderRecordSource();
    this.logProblem = options.log ?? (() => undefined);
  }

  interners(): SharedInterners {
    return { reasons: this.reasons, usernames: this.usernames };
  }

  info(): WorkspaceInfo {
    return {
      revision: ++this.snapshots,
      folders: [...this.folders.values()].map((folder) => ({
        id: folder.id,
        path: folder.root,
        name: folder.name,
        logs: [...folder.logs.values()].map((entry) => logInfo(entry.query.log)),
        readOnly: folder.readOnly,
        problems: folder.problems,
      })),
    };
  }

  /** The open folder that holds the log at this absolute path (a log belongs to one folder only). */
  ownerOf(logPath: string): FolderState | undefined {
    for (const folder of this.folders.values()) {
      // A log's key is its path in the folder (log-tracking.ts): one lookup, not a walk of every log.
      const file = relative(folder.root, logPath);
      if (file === '' || file === '..' || file.startsWith(`..${sep}`) || isAbsolute(file)) continue;
      const entry = folder.logs.get(file.split(sep).join('/'));
      if (entry?.query.log.path === logPath) return folder;
    }
    return undefined;
  }

  /** A problem of the folder itself (about one of its logs, if `log`): logged, and shown with the folder (once). */
  folderProblem(folder: FolderState, message: string, log?: string): void {
    if (!folder.addProblem(message, log)) return;
    this.logProblem(`${folder.root}: ${message}`);
    this.changed();
  }

  /** The log was read since a problem about it was told (the reviewer fixed it): no longer shown. */
  logReadAgain(folder: FolderState, log: string): void {
    if (folder.forgetProblemsOf(log)) this.changed();
  }

  /** Tells the UI the workspace changed: at once, or at the end of the window of the last told. */
  changed(): void {
    if (this.stopped) return;
    const wait = this.lastTold + this.changeWindowMs() - performance.now();
    if (wait <= 0) return this.tell();
    if (this.tellLater) return;
    this.tellLater = setTimeout(() => this.tell(), wait);
    this.tellLater.unref();
  }

  private changeWindowMs(): number {
    let logs = 0;
    for (const folder of this.folders.values()) logs += folder.logs.size;
    return CHANGE_WINDOW_MS + logs * CHANGE_WINDOW_MS_PER_LOG;
  }

  /** Nothing more is told (the workspace is disposed). */
  stopTelling(): void {
    clearTimeout(this.tellLater);
    this.tellLater = undefined;
    this.stopped = true;
  }

  private tell(): void {
    clearTimeout(this.tellLater);
    this.tellLater = undefined;
    this.lastTold = performance.now();
    this.options.emit('workspaceChanged', this.info());
  }
}
