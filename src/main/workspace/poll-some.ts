// The follow polls of a folder of many logs: a bounded share of them each time, in turn.
import type { FolderState } from './folder-state';

/**
 * The logs one poll looks at, at most: each poll is a safety net under the watcher's events (which
 * come in bursts, some dropped), and the HF saver writes a log per flagged sample: 5,000 of them
 * polled every second took a fifth of a core. Past this many, each log is polled in turn.
 */
const POLLED_PER_TICK = 250;

/** Polls the folder's next logs, up to POLLED_PER_TICK, where the last poll stopped. */
export function pollSome(folder: FolderState): void {
  const logs = [...folder.logs.values()];
  const count = Math.min(POLLED_PER_TICK, logs.length);
  for (let i = 0; i < count; i++) logs[(folder.pollNext + i) % logs.length].follower.poll();
  folder.pollNext = logs.length > 0 ? (folder.pollNext + count) % logs.length : 0;
}
