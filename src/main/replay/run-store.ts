// A replay run on disk: `<review dir>/replays/<run-id>/` holds run.json (replaced atomically),
// results.jsonl (one line per sample, appended and fsynced, so a crash keeps every finished
// result) and the output files the app returned, under files/.
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, readdir, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../review/atomic-write';
import type { ReplayCounts, ReplayResult, ReplayRunInfo, ReplayRunSummary } from '../../shared/replay';

export const RUN_FILE = 'run.json';
export const RESULTS_FILE = 'results.jsonl';

/** Sortable by start time, unique across concurrent runs. */
export function newRunId(now = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `${stamp}-${randomBytes(3).toString('hex')}`;
}

export function replaysDir(reviewDir: string): string {
  return join(reviewDir, 'replays');
}

export class RunStore {
  private tailChecked = false;
  private appending: Promise<void> = Promise.resolve();

  private constructor(
    readonly dir: string,
    private info: ReplayRunInfo,
  ) {}

  static async create(reviewDir: string, info: ReplayRunInfo): Promise<RunStore> {
    const dir = join(replaysDir(reviewDir), info.run);
    await mkdir(join(dir, 'files'), { recursive: true });
    const store = new RunStore(dir, info);
    await store.saveInfo();
    return store;
  }

  static async open(reviewDir: string, run: string): Promise<RunStore> {
    if (!/^[\w.-]+$/.test(run)) throw new Error(`"${run}" is not a replay run id`);
    const dir = join(replaysDir(reviewDir), run);
    const info = await readRunInfo(dir);
    if (!info) throw new Error(`no replay run "${run}" in ${replaysDir(reviewDir)}`);
    return new RunStore(dir, info);
  }

  get run(): ReplayRunInfo {
    return this.info;
  }

  async update(patch: Partial<ReplayRunInfo>): Promise<void> {
    this.info = { ...this.info, ...patch };
    await this.saveInfo();
  }

  /** Appends one result and fsyncs it before returning: it survives a crash from then on. */
  append(result: ReplayResult): Promise<void> {
    // One append at a time: the torn-tail check and the lines of concurrent workers never interleave.
    const next = this.appending.then(() => this.appendNow(result));
    this.appending = next.catch(() => undefined);
    return next;
  }

  private async appendNow(result: ReplayResult): Promise<void> {
    const handle = await open(join(this.dir, RESULTS_FILE), 'a+');
    try {
      const line = `${JSON.stringify(result)}\n`;
      await handle.appendFile((await this.endsTorn(handle)) ? `\n${line}` : line);
      await handle.datasync();
    } finally {
      await handle.close();
    }
  }

  /**
   * A crash mid-write leaves a last line without its end: the first append of this process starts
   * on a new line, so the torn line stays alone (ignored) instead of swallowing the new result.
   */
  private async endsTorn(handle: FileHandle): Promise<boolean> {
    if (this.tailChecked) return false;
    this.tailChecked = true;
    const { size } = await handle.stat();
    if (size === 0) return false;
    const last = Buffer.alloc(1);
    await handle.read(last, 0, 1, size - 1);
    return last[0] !== 0x0a;
  }

  results(): Promise<ReplayResult[]> {
    return readResults(this.dir);
  }

  /** A folder for one sample's output files, named for the sample. */
  async filesDirFor(sampleId: string): Promise<string> {
    const name = sampleId.replace(/[^\w.-]+/g, '_');
    const dir = join(this.dir, 'files', name);
    await mkdir(dir, { recursive: true });
    return dir;
  }

  private saveInfo(): Promise<void> {
    return writeFileAtomic(join(this.dir, RUN_FILE), `${JSON.stringify(this.info, null, 2)}\n`);
  }
}

export async function readRunInfo(dir: string): Promise<ReplayRunInfo | undefined> {
  const text = await readFile(join(dir, RUN_FILE), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  const { ReplayRunInfo } = await replaySchemas();
  return ReplayRunInfo.parse(JSON.parse(text));
}

/**
 * Every complete line of results.jsonl; a torn last line (a crash mid-write) is ignored. A sample
 * replayed twice (a resumed run) keeps its last result.
 */
export async function readResults(dir: string): Promise<ReplayResult[]> {
  const text = await readFile(join(dir, RESULTS_FILE), 'utf8').catch(() => '');
  const byId = new Map<string, ReplayResult>();
  const parseLine = await lineParser();
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const parsed = parseLine(line);
    if (parsed) byId.set(parsed.id, parsed);
  }
  return [...byId.values()];
}

/**
 * One sample's last result (the detail pane asks for one at a time): found by the start of its
 * line, as append writes it, without parsing the others; any other shape falls back to a full read.
 */
export async function readResult(dir: string, id: string): Promise<ReplayResult | undefined> {
  const text = await readFile(join(dir, RESULTS_FILE), 'utf8').catch(() => '');
  const start = `{"id":${JSON.stringify(id)},`;
  const lines = text.split('\n');
  const parseLine = await lineParser();
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i] ?? '';
    if (!line.startsWith(start)) continue;
    const parsed = parseLine(line);
    if (parsed) return parsed;
  }
  return (await readResults(dir)).find((result) => result.id === id);
}

/** The contract's replay schemas, loaded when a run's files are read (zod costs a short command 30-50 ms). */
const replaySchemas = (): Promise<typeof import('../../shared/replay')> => import('../../shared/replay');

/** A parser of results.jsonl's lines: a line that is not a result is undefined. */
async function lineParser(): Promise<(line: string) => ReplayResult | undefined> {
  const { ReplayResult } = await replaySchemas();
  return (line) => {
    try {
      const parsed = ReplayResult.safeParse(JSON.parse(line));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  };
}

export async function listRunDirs(reviewDir: string): Promise<string[]> {
  const entries = await readdir(replaysDir(reviewDir), { withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(replaysDir(reviewDir), entry.name))
    .sort();
}

/** The runs stored in a review dir, newest first, with their counts. */
export async function runSummaries(reviewDir: string): Promise<ReplayRunSummary[]> {
  const summaries: ReplayRunSummary[] = [];
  for (const runDir of await listRunDirs(reviewDir)) {
    const info = await readRunInfo(runDir).catch(() => undefined);
    if (!info) continue;
    const { samples, mapping, ...rest } = info;
    void mapping;
    summaries.push({ ...rest, total: samples.length, counts: countOutcomes(await readResults(runDir)) });
  }
  return summaries.reverse();
}

export function countOutcomes(results: readonly ReplayResult[]): ReplayCounts {
  const counts: ReplayCounts = { replayed: 0, same: 0, changed: 0, errors: 0, skipped: 0 };
  for (const { outcome } of results) {
    if (outcome === 'skipped') counts.skipped += 1;
    else {
      counts.replayed += 1;
      if (outcome === 'same') counts.same += 1;
      else if (outcome === 'changed') counts.changed += 1;
      else counts.errors += 1;
    }
  }
  return counts;
}
