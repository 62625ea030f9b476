// Short, exact names for the state of a list of logs, which the engine's caches are keyed on at
// every query. A name that spelled out each log's state cost a string of 1.2 MB a query in a folder
// of 20,000 sample logs (the HF saver's `separate_dirs`), most of the server's time while it was
// followed (bench/ui-follow.mjs).
import { dataChanges } from '../platform/data-changes';

/** How many distinct lists keep their names; a list named earlier and forgotten gets a new one. */
const NAMES_KEPT = 32;

/** What a log's state is read from: numbers, and objects compared by identity. */
type State = (number | object)[];

interface Seen {
  state: State;
  /** Fresh whenever `state` changes: one id never stands for two states. */
  id: number;
}

/**
 * Names the state of lists of logs, as `stateOf` reads each log: two lists get one name exactly
 * when they hold the same logs, in the same order, each in the same state since it was last seen
 * (as `readState` writes it, the same number of values each time).
 */
export class LogsVersions<T extends object> {
  private readonly seen = new WeakMap<T, Seen>();
  private readonly named = new Map<number, { ids: Uint32Array; name: string }[]>();
  private readonly namedOrder: number[] = [];
  private nextId = 1;
  private nextName = 1;
  /** Where each log's state is read: nothing is allocated for a log unchanged since last seen. */
  private readonly scratch: State = [];
  /** The last list named, as it was, and the count of data changes then (platform/data-changes.ts). */
  private last?: { logs: T[]; changes: number; name: string };

  constructor(private readonly readState: (log: T, into: State) => void) {}

  nameOf(logs: readonly T[]): string {
    // Nothing changed anywhere since the same logs were named: no log need be looked at.
    const { last } = this;
    if (last && last.changes === dataChanges() && sameItems(last.logs, logs)) return last.name;
    const name = this.nameAnew(logs);
    this.last = { logs: logs.slice(), changes: dataChanges(), name };
    return name;
  }

  private nameAnew(logs: readonly T[]): string {
    const ids = new Uint32Array(logs.length);
    let hash = 0x811c9dc5;
    for (let i = 0; i < logs.length; i++) {
      ids[i] = this.idOf(logs[i]);
      hash = Math.imul(hash ^ ids[i], 0x01000193);
    }
    const bucket = this.named.get(hash) ?? [];
    const found = bucket.find((entry) => sameItems(entry.ids, ids));
    if (found) return found.name;
    const name = `v${this.nextName++}`;
    bucket.push({ ids, name });
    this.named.set(hash, bucket);
    this.namedOrder.push(hash);
    if (this.namedOrder.length > NAMES_KEPT) this.forgetOldest();
    return name;
  }

  private idOf(log: T): number {
    this.readState(log, this.scratch);
    const seen = this.seen.get(log);
    if (seen && sameItems(seen.state, this.scratch)) return seen.id;
    const id = this.nextId++;
    this.seen.set(log, { state: this.scratch.slice(), id });
    return id;
  }

  private forgetOldest(): void {
    const hash = this.namedOrder.shift() as number;
    const bucket = this.named.get(hash) ?? [];
    bucket.shift();
    if (bucket.length === 0) this.named.delete(hash);
  }
}

/** The same values at the same places (objects by identity). */
function sameItems(a: ArrayLike<unknown>, b: ArrayLike<unknown>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
