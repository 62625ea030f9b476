// What a host sends for `workspaceChanged`: the snapshot as a change of the one it sent before. A
// folder of the HF saver's sample folders holds a log per flagged sample; at 20,000 of them a whole
// snapshot was 7.6 MB of JSON, sent about twice a second while the folder was followed, and each
// one cost the page a stall of about 100 ms to parse. A delta names the logs kept by count.
import { z } from 'zod';
import { FolderInfo, LogInfo, type WorkspaceInfo } from './model';

/**
 * A folder's logs, in order: a number n >= 0 takes the next n logs of the base's folder of the
 * same id as they were, -n passes over n of them (changed, sent again); a LogInfo is one log, new
 * or changed. Without a base folder of that id, every log is sent.
 */
export const FolderDelta = FolderInfo.omit({ logs: true }).extend({
  logs: z.array(z.union([z.number().int(), LogInfo])),
});
export type FolderDelta = z.infer<typeof FolderDelta>;

export const WorkspaceDelta = z.object({
  revision: z.number().int().nonnegative(),
  /** The revision the delta applies to; null: none, the delta holds the whole snapshot. */
  base: z.number().int().nonnegative().nullable(),
  folders: z.array(FolderDelta),
});
export type WorkspaceDelta = z.infer<typeof WorkspaceDelta>;

type LogStep = FolderDelta['logs'][number];

/** `next` as a change of `base`; a log counts as kept when it is the same object in both. */
export function workspaceDelta(base: WorkspaceInfo | undefined, next: WorkspaceInfo): WorkspaceDelta {
  const before = new Map(base?.folders.map((folder) => [folder.id, folder.logs]));
  return {
    revision: next.revision,
    base: base?.revision ?? null,
    folders: next.folders.map(({ logs, ...folder }) => ({
      ...folder,
      logs: logsDelta(before.get(folder.id) ?? [], logs),
    })),
  };
}

function logsDelta(base: LogInfo[], next: LogInfo[]): LogStep[] {
  const steps: LogStep[] = [];
  let at = 0;
  let kept = 0;
  const flush = (): void => {
    if (kept > 0) steps.push(kept);
    kept = 0;
  };
  for (const log of next) {
    if (base[at]?.file === log.file) {
      if (base[at++] === log) {
        kept++;
        continue;
      }
      flush();
      steps.push(-1);
    } else flush();
    steps.push(log);
  }
  flush();
  return steps;
}

/**
 * The snapshot `delta` makes of `base`, the logs kept being base's own objects; undefined when the
 * delta is not a change of `base` (another revision, or steps past its logs).
 */
export function applyWorkspaceDelta(
  base: WorkspaceInfo | undefined,
  delta: WorkspaceDelta,
): WorkspaceInfo | undefined {
  if (delta.base !== null && delta.base !== base?.revision) return undefined;
  const before = new Map(delta.base === null ? [] : base?.folders.map((folder) => [folder.id, folder.logs]));
  const folders: FolderInfo[] = [];
  for (const { logs: steps, ...folder } of delta.folders) {
    const logs = applyLogs(before.get(folder.id) ?? [], steps);
    if (!logs) return undefined;
    folders.push({ ...folder, logs });
  }
  return { revision: delta.revision, folders };
}

function applyLogs(base: LogInfo[], steps: LogStep[]): LogInfo[] | undefined {
  const logs: LogInfo[] = [];
  let at = 0;
  for (const step of steps) {
    if (typeof step !== 'number') logs.push(step);
    else if (step < 0) at -= step;
    else if (at + step > base.length) return undefined;
    else for (const end = at + step; at < end; at++) logs.push(base[at]);
  }
  return logs;
}
