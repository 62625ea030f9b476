// One replay run: the selected samples of one folder sent to an endpoint with bounded concurrency,
// retried with backoff when the app cannot be reached or does not answer in time, each answer
// compared with what was flagged and appended to results.jsonl as soon as it is known. Cancel stops
// within one call's cancel; an app that stops answering ends the run as `interrupted`, a sample that
// keeps timing out is that sample's error, and a resume replays the samples without a result (or
// whose result was for a row since rewritten).
import { relative } from 'node:path';
import type { Column, SampleRow } from '../../shared/model';
import type {
  Endpoint,
  ReplayCounts,
  ReplayedOutput,
  ReplayMapping,
  ReplayOutcome,
  ReplayResult,
  ReplayRunInfo,
} from '../../shared/replay';
import { DEFAULT_TIMEOUT_SECONDS } from '../../shared/replay';
import { compareOutput, type Replayed } from './compare';
import { callWithRetry, DEFAULT_RETRY, type RetryPolicy } from './call-retry';
import {
  CallCancelled,
  CallFailed,
  CallTimedOut,
  ConnectionFailed,
  messageOf,
  type FileDataLike,
  type GradioApp,
} from './gradio-app';
import { inputValues, SkipSample } from './input-values';
import { countOutcomes, type RunStore } from './run-store';

export interface ReplayPlan {
  app: GradioApp;
  endpoint: Endpoint;
  mapping: ReplayMapping;
  /** The flagging folder, absolute. */
  root: string;
  /** Columns of each log, by log file. */
  columnsOf: (log: string) => readonly Column[];
  rows: SampleRow[];
  store: RunStore;
  concurrency: number;
  signal?: AbortSignal;
  onResult?: (result: ReplayResult, done: number, counts: ReplayCounts) => void;
  retry?: RetryPolicy;
  /** Longest wait for one call's answer (default DEFAULT_TIMEOUT_SECONDS). */
  timeoutMs?: number;
}

export type { RetryPolicy };

export interface RunOutcome {
  state: ReplayRunInfo['state'];
  counts: ReplayCounts;
  message?: string;
}

/** Replays `rows` (those without a result yet) and closes the run's record. */
export async function replayRows(plan: ReplayPlan): Promise<RunOutcome> {
  // A result stands for the row it was made from: one whose row now hashes differently (the log
  // was rewritten since) is replayed again, and its new line supersedes the old.
  const hashOf = new Map(plan.rows.map((row) => [row.id, row.rowHash]));
  const earlier = (await plan.store.results()).filter((result) => hashOf.get(result.id) === result.rowHash);
  const done = new Set(earlier.map((result) => result.id));
  const todo = plan.rows.filter((row) => !done.has(row.id));
  const results = [...earlier];
  const stop = new AbortController();
  const onCancel = () => stop.abort();
  plan.signal?.addEventListener('abort', onCancel, { once: true });
  let interrupted: string | undefined;
  let next = 0;
  const worker = async () => {
    while (!stop.signal.aborted && next < todo.length) {
      const row = todo[next++];
      if (!row) break;
      try {
        const result = await replayOne(plan, row, stop.signal);
        await plan.store.append(result);
        results.push(result);
        plan.onResult?.(result, results.length, countOutcomes(results));
      } catch (error) {
        if (error instanceof CallCancelled) break;
        if (error instanceof ConnectionFailed) {
          interrupted ??= `the app stopped answering: ${error.message}`;
          stop.abort();
          break;
        }
        throw error;
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, plan.concurrency) }, worker));
  } finally {
    plan.signal?.removeEventListener('abort', onCancel);
  }
  const state = interrupted ? 'interrupted' : plan.signal?.aborted ? 'cancelled' : 'finished';
  const counts = countOutcomes(results);
  await plan.store.update({
    state,
    endedAt: new Date().toISOString(),
    ...(interrupted ? { message: interrupted } : {}),
  });
  return { state, counts, ...(interrupted ? { message: interrupted } : {}) };
}

async function replayOne(plan: ReplayPlan, row: SampleRow, signal: AbortSignal): Promise<ReplayResult> {
  const started = performance.now();
  const base = { id: row.id, rowHash: row.rowHash };
  let retries = 0;
  const finish = (outcome: ReplayOutcome, outputs: ReplayedOutput[], error?: string): ReplayResult => ({
    ...base,
    outcome,
    outputs,
    durationMs: Math.round(performance.now() - started),
    ...(error !== undefined ? { error } : {}),
    ...(retries > 0 ? { retries } : {}),
    at: new Date().toISOString(),
  });
  const columns = plan.columnsOf(row.log);
  const columnIndex = (name: string) => columns.find((column) => column.name === name)?.index ?? -1;
  let inputs;
  try {
    inputs = inputValues(row, plan.root, plan.endpoint, plan.mapping, columnIndex);
  } catch (error) {
    if (error instanceof SkipSample) return finish('skipped', [], error.message);
    throw error;
  }
  let data: unknown[];
  try {
    data = await callWithRetry(
      (attempt) => plan.app.call(plan.endpoint.apiName, inputs, attempt),
      { retry: plan.retry ?? DEFAULT_RETRY, timeoutMs: plan.timeoutMs ?? DEFAULT_TIMEOUT_SECONDS * 1000 },
      signal,
      () => (retries += 1),
    );
  } catch (error) {
    if (error instanceof CallFailed || error instanceof CallTimedOut)
      return finish('error', [], error.message);
    throw error;
  }
  const outputs = await storeOutputs(plan, row, data, columnIndex);
  const compared = outputs.filter((output) => output.same !== null);
  const outcome = compared.every((output) => output.same) ? 'same' : 'changed';
  return finish(compared.length === 0 ? 'changed' : outcome, outputs);
}

async function storeOutputs(
  plan: ReplayPlan,
  row: SampleRow,
  data: unknown[],
  columnIndex: (name: string) => number,
): Promise<ReplayedOutput[]> {
  return Promise.all(
    plan.endpoint.outputs.map(async (slot, index) => {
      const value = data[index] ?? null;
      const files = await saveFiles(plan, row, value, index);
      const column = plan.mapping.outputs[slot.label] ?? null;
      const replayed: Replayed = { component: slot.component, value, files: files.absolute };
      const flagged = column === null ? undefined : row.cells[columnIndex(column)];
      const comparison = await compareOutput(flagged, plan.root, replayed).catch((error: unknown) => ({
        same: false,
        rule: 'could not compare',
        detail: messageOf(error),
      }));
      return {
        label: slot.label,
        column,
        component: slot.component,
        value: files.relative.length > 0 ? { files: files.relative } : value,
        files: files.relative,
        ...comparison,
      };
    }),
  );
}

function fileDataIn(value: unknown): FileDataLike[] {
  if (Array.isArray(value)) return value.flatMap(fileDataIn);
  if (!value || typeof value !== 'object') return [];
  const candidate = value as FileDataLike & { meta?: { _type?: string } };
  if (typeof candidate.url === 'string' && typeof candidate.path === 'string') return [candidate];
  return [];
}

async function saveFiles(
  plan: ReplayPlan,
  row: SampleRow,
  value: unknown,
  index: number,
): Promise<{ absolute: string[]; relative: string[] }> {
  const found = fileDataIn(value);
  if (found.length === 0) return { absolute: [], relative: [] };
  const dir = await plan.store.filesDirFor(row.id);
  const absolute = await Promise.all(
    found.map(async (file, n) => `${dir}/${await plan.app.download(file, dir, `${index}-${n}`)}`),
  );
  return { absolute, relative: absolute.map((file) => relative(plan.store.dir, file).split('\\').join('/')) };
}
