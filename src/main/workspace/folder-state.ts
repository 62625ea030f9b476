// One opened flagging folder: its logs (each with its index, review overlay and follower), its
// review store, its watcher.
import { SAMPLE_ID } from '../../shared/model';
import type { ReviewStore } from '../review/contracts';
import type { LogFollower } from '../follow/log-follower';
import type { QueryLog } from '../query/query';

export interface LogEntry {
  query: QueryLog;
  follower: LogFollower;
  /** Settles when the first full index of the log is done. */
  indexed: Promise<void>;
  done: boolean;
}

const MAX_HASHES = 100_000;

export class FolderState {
  readonly logs = new Map<string, LogEntry>();
  store?: ReviewStore;
  stopStore?: () => void;
  /** Copies the store's whole state into the logs' overlays (after rows were added or reset). */
  applyStore?: () => void;
  closeWatch?: () => Promise<void>;
  poll?: NodeJS.Timeout;
  /** Row hashes seen lately, by sample id (for the review's orphan checks). */
  readonly hashes = new Map<string, string>();
  /** Files being looked at as possible new logs. */
  readonly pending = new Set<string>();
  closed = false;

  /** Keeps the hash of a row read lately; the oldest are forgotten past a bound. */
  rememberHash(id: string, hash: string): void {
    if (this.hashes.size >= MAX_HASHES && !this.hashes.has(id)) {
      const oldest = this.hashes.keys().next();
      if (!oldest.done) this.hashes.delete(oldest.value);
    }
    this.hashes.set(id, hash);
  }

  constructor(
    readonly id: string,
    readonly root: string,
    readonly name: string,
    readonly readOnly: boolean,
  ) {}
}

/** `<log file>#<1-based row>` → its parts; undefined when the id has another form (`log.csv#04`…). */
export function parseSampleId(id: string): { file: string; row: number } | undefined {
  if (!SAMPLE_ID.test(id)) return undefined;
  const at = id.lastIndexOf('#');
  return { file: id.slice(0, at), row: Number(id.slice(at + 1)) - 1 };
}

export function sampleId(file: string, row: number): string {
  return `${file}#${row + 1}`;
}
