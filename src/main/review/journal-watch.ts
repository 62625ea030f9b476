// Tells when the journal may have grown: file-system events for speed, plus a poll, because
// events can be dropped or coalesced (and never come on some network file systems).
import type { FSWatcher } from 'node:fs';
import { fs } from '../platform/node-fs';

/** Calls `nudge` on each change event and every `pollMs`; returns a function that stops watching. */
export function watchJournal(path: string, pollMs: number, nudge: () => void): () => void {
  let watcher: FSWatcher | undefined;
  try {
    watcher = fs.watch(path, { persistent: false }, nudge);
    watcher.on('error', () => watcher?.close());
  } catch {
    watcher = undefined;
  }
  const poller = setInterval(nudge, pollMs);
  poller.unref();
  return () => {
    watcher?.close();
    clearInterval(poller);
  };
}
