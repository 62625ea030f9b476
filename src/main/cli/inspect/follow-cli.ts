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
  const workspace = createWorkspace({
    ...options,
    emit: (event, payload) => {
      const line = followLine(event, payload);
      if (line !== undefined) print(line);
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
