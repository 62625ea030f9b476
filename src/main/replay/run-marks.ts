// The table's `replay` column and filter: the outcome of every row in the run shown (each folder's
// latest run, or the one chosen), read from results.jsonl. A run only grows (appended lines), so
// the file is read on from where it was last read: a page call during a run costs its new lines.
// A result stands for the row it was made from: where the log was rewritten since (the row at that
// id now hashes differently), the row shows as not replayed (`none`), never as `same`/`changed`.
import { open } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { MarkedFolder, ReplayMarksSource } from '../workspace/options';
import { MARK_CODES, type MarksByLog, type ReplayMarks } from '../query/replay-marks';
import type { LogIndex } from '../log-index/log-index';
import { readRowHashes } from '../log-index/read-records';
import type { ReplayMark } from '../../shared/query-api';
import { parseSampleId } from '../../shared/sample-id';
import { locateReview } from '../review/location';
import { listRunDirs, RESULTS_FILE } from './run-store';

type MarkedLog = ReturnType<MarkedFolder['logs']>[number];

interface RowResult {
  code: number;
  rowHash: string;
}

/** Current hashes of rows that have results, valid for one index of the log at one generation. */
interface CheckedRows {
  index: LogIndex;
  generation: number;
  hashes: Map<number, string>;
}

/** Tells index objects apart in a version string (a reopened log gets a new one at generation 0). */
const indexSerials = new WeakMap<LogIndex, number>();
let nextSerial = 0;
function serialOf(index: LogIndex): number {
  let serial = indexSerials.get(index);
  if (serial === undefined) indexSerials.set(index, (serial = nextSerial++));
  return serial;
}

/** Outcome codes by log file and row, as far as results.jsonl has been read. */
class RunResults {
  private offset = 0;
  private partial = '';
  private readonly byFile = new Map<string, Map<number, RowResult>>();
  private readonly checked = new Map<string, CheckedRows>();
  /** Rows given a result since the file's marks were last built (patched in, not rebuilt). */
  private readonly arrived = new Map<string, number[]>();
  private readonly built = new Map<string, { marks: ReplayMarks; log: string }>();

  private turn: Promise<unknown> = Promise.resolve();

  constructor(readonly dir: string) {}

  /**
   * Runs `work` after the work asked before it: reading on in the file and patching the marks
   * keep state across awaits, so two page calls at once must not interleave.
   */
  inTurn<T>(work: () => Promise<T>): Promise<T> {
    const next = this.turn.then(work);
    this.turn = next.catch(() => undefined);
    return next;
  }

  async catchUp(): Promise<void> {
    const handle = await open(join(this.dir, RESULTS_FILE), 'r').catch(() => undefined);
    if (!handle) return;
    try {
      const { size } = await handle.stat();
      if (size <= this.offset) return;
      const buffer = Buffer.alloc(size - this.offset);
      await handle.read(buffer, 0, buffer.length, this.offset);
      this.offset = size;
      const lines = (this.partial + buffer.toString('utf8')).split('\n');
      // The last piece has no line end yet (a line being written): kept for the next read.
      this.partial = lines.pop() ?? '';
      for (const line of lines) this.take(line);
    } finally {
      await handle.close();
    }
  }

  /** A later line for the same sample (a resumed run) wins; a torn or foreign line is ignored. */
  private take(line: string): void {
    const result = parsed(line);
    if (!result) return;
    const at = parseSampleId(result.id);
    const code = MARK_CODES.indexOf(result.outcome);
    if (!at || code <= 0) return;
    let rows = this.byFile.get(at.file);
    if (!rows) this.byFile.set(at.file, (rows = new Map()));
    rows.set(at.row, { code, rowHash: result.rowHash });
    let arrived = this.arrived.get(at.file);
    if (!arrived) this.arrived.set(at.file, (arrived = []));
    arrived.push(at.row);
  }

  async marksOf({ file, count, index }: MarkedLog): Promise<ReplayMarks> {
    const log = `${serialOf(index)}:${index.generation}`;
    const version = `${this.dir}:${this.offset}:${log}`;
    const kept = this.built.get(file);
    if (kept && kept.marks.version === version && kept.marks.codes.length === count) return kept.marks;
    const results = this.byFile.get(file) ?? new Map<number, RowResult>();
    const arrived = this.arrived.get(file) ?? [];
    this.arrived.set(file, []);
    // The same log, as long as before: only the rows with new results change (a run in progress).
    const patch = kept !== undefined && kept.log === log && kept.marks.codes.length === count;
    const rows = patch ? arrived : [...results.keys()];
    const current = await this.currentHashes(file, index, rows, count);
    const codes = patch ? kept.marks.codes.slice() : new Uint8Array(count);
    for (const row of rows) {
      const result = results.get(row);
      if (result && row < count) codes[row] = current.get(row) === result.rowHash ? result.code : 0;
    }
    const marks = { run: basename(this.dir), codes, version };
    this.built.set(file, { marks, log });
    return marks;
  }

  /**
   * The current hash of each row with a result, read from the log once per row: again only after
   * the log was rewritten (a new generation) or opened anew (another index).
   */
  private async currentHashes(
    file: string,
    index: LogIndex,
    rows: readonly number[],
    count: number,
  ): Promise<ReadonlyMap<number, string>> {
    let checked = this.checked.get(file);
    if (!checked || checked.index !== index || checked.generation !== index.generation) {
      checked = { index, generation: index.generation, hashes: new Map() };
      this.checked.set(file, checked);
    }
    const { hashes } = checked;
    const wanted = new Set<number>();
    for (const row of rows) if (row < count && !hashes.has(row)) wanted.add(row);
    if (wanted.size > 0) {
      // Row order reads the log front to back.
      const unread = [...wanted].sort((a, b) => a - b);
      const read = await readRowHashes(index, unread);
      unread.forEach((row, i) => hashes.set(row, read[i] ?? ''));
    }
    return hashes;
  }
}

// How run-store writes a result: id, rowHash and outcome first. Reading those without parsing the
// outputs keeps the first read of a 100,000-result run short; a complete line is still required
// (it ends the object), and any other shape goes through JSON.parse.
const LEADING_FIELDS = /^\{"id":("(?:[^"\\]|\\.)*"),"rowHash":"(\w*)","outcome":"(\w+)",/;

function parsed(line: string): { id: string; rowHash: string; outcome: ReplayMark } | undefined {
  if (line.trim() === '') return undefined;
  try {
    const fast = line.endsWith('}') ? LEADING_FIELDS.exec(line) : null;
    if (fast) {
      const [, id, rowHash, outcome] = fast;
      return { id: JSON.parse(id ?? '""') as string, rowHash: rowHash ?? '', outcome: outcome as ReplayMark };
    }
    const value = JSON.parse(line) as { id?: unknown; rowHash?: unknown; outcome?: unknown };
    if (typeof value.id !== 'string' || typeof value.outcome !== 'string') return undefined;
    const rowHash = typeof value.rowHash === 'string' ? value.rowHash : '';
    return { id: value.id, rowHash, outcome: value.outcome as ReplayMark };
  } catch {
    return undefined;
  }
}

/** Kept runs read so far: a reviewer switches between a few runs at most. */
const KEPT_RUNS = 8;

export class RunMarks implements ReplayMarksSource {
  private readonly reviewDirs = new Map<string, Promise<string>>();
  private readonly runs = new Map<string, RunResults>();

  constructor(private readonly dataDir: string) {}

  async marksFor(folders: MarkedFolder[], run: string | undefined): Promise<MarksByLog> {
    const marks = new Map<string, ReplayMarks>();
    for (const folder of folders) {
      const dir = await this.runDirOf(folder.root, run);
      if (!dir) continue;
      const results = this.resultsOf(dir);
      await results.inTurn(async () => {
        await results.catchUp();
        for (const log of folder.logs()) marks.set(log.key, await results.marksOf(log));
      });
    }
    return marks;
  }

  /** The chosen run when this folder holds it, else the folder's latest (run ids sort by start). */
  private async runDirOf(root: string, run: string | undefined): Promise<string | undefined> {
    const dirs = await listRunDirs(await this.reviewDirOf(root));
    return (run !== undefined ? dirs.find((dir) => basename(dir) === run) : undefined) ?? dirs.at(-1);
  }

  private reviewDirOf(root: string): Promise<string> {
    let dir = this.reviewDirs.get(root);
    if (!dir) {
      dir = locateReview(root, { dataDir: this.dataDir }).then((location) => location.dir);
      dir.catch(() => this.reviewDirs.delete(root));
      this.reviewDirs.set(root, dir);
    }
    return dir;
  }

  private resultsOf(dir: string): RunResults {
    let results = this.runs.get(dir);
    if (results) {
      this.runs.delete(dir);
    } else {
      results = new RunResults(dir);
      if (this.runs.size >= KEPT_RUNS) this.runs.delete(this.runs.keys().next().value as string);
    }
    this.runs.set(dir, results);
    return results;
  }
}
