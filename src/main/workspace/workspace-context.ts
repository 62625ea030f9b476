// What the parts of a workspace share: the open folders, the reason and username interners, the
// query engine, the reader, and how to tell the UI that something changed.
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

export class WorkspaceContext {
  readonly folders = new Map<string, FolderState>();
  readonly reasons = new Interner();
  readonly usernames = new Interner();
  readonly engine = new QueryEngine({ reasons: this.reasons, usernames: this.usernames });
  readonly reader: GradioReader;
  readonly source: RecordSource;
  readonly logProblem: (message: string) => void;
  private snapshots = 0;

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
      })),
    };
  }

  /** The open folder that holds the log at this absolute path (a log belongs to one folder only). */
  ownerOf(logPath: string): FolderState | undefined {
    for (const folder of this.folders.values()) {
      for (const entry of folder.logs.values()) if (entry.query.log.path === logPath) return folder;
    }
    return undefined;
  }

  changed(): void {
    this.options.emit('workspaceChanged', this.info());
  }
}
