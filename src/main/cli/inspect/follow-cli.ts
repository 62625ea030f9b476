// `flagdeck inspect <folder> --follow --json`: after the report, one JSON line per change until
// interrupted, a `tail -f` for flagging folders.
import type { EventName, EventPayload } from '../../../shared/api';
import { createWorkspace, type WorkspaceOptions } from '../../workspace/workspace';

const FOLLOWED = new Set<EventName>(['rowsAppended', 'logAdded', 'logReset']);

/** The line printed for an event, or undefined for events that are not printed. */
export function followLine<E extends EventName>(event: E, payload: EventPayload<E>): string | undefined {
  if (!FOLLOWED.has(event)) return undefined;
  const { folderId: _folderId, ...rest } = payload as { folderId: string };
  return JSON.stringify({ event, ...rest });
}

/**
 * The lines for the folder's problems in a workspace snapshot that were not printed before
 * (`printed` keeps them): `{"event":"folderProblem","message"}`, e.g. the folder cannot be watched.
 */
export function problemLines(info: EventPayload<'workspaceChanged'>, printed: Set<string>): string[] {
  const fresh = info.folders.flatMap((folder) => folder.problems).filter((m) => !printed.has(m));
  for (const message of fresh) printed.add(message);
  return fresh.map((message) => JSON.stringify({ event: 'folderProblem', message }));
}

/**
 * Follows `root`, calling `print` per event, until `stop` is aborted. `ready` is called once the
 * folder is indexed and watched: changes made before then are part of the first reading, not events.
 */
export async function followFolder(
  root: string,
  print: (line: string) => void,
  stop: AbortSignal,
  options: Partial<WorkspaceOptions> = {},
  ready?: () => void,
): Promise<void> {
  const printedProblems = new Set<string>();
  const workspace = createWorkspace({
    ...options,
    emit: (event, payload) => {
      const line = followLine(event, payload);
      if (line !== undefined) print(line);
      if (event === 'workspaceChanged')
        for (const problem of problemLines(payload as EventPayload<'workspaceChanged'>, printedProblems))
          print(problem);
    },
  });
  try {
    await workspace.open([root]);
    await workspace.whenIndexed();
    ready?.();
    if (!stop.aborted)
      await new Promise((resolve) => stop.addEventListener('abort', resolve, { once: true }));
  } finally {
    await workspace.dispose();
  }
}

/** Runs followFolder until SIGINT/SIGTERM. */
export async function followUntilInterrupted(
  root: string,
  print: (line: string) => void,
  options: Partial<WorkspaceOptions> = {},
): Promise<void> {
  const stop = new AbortController();
  const abort = (): void => stop.abort();
  process.once('SIGINT', abort);
  process.once('SIGTERM', abort);
  try {
    await followFolder(root, print, stop.signal, options);
  } finally {
    process.off('SIGINT', abort);
    process.off('SIGTERM', abort);
  }
}
