// Counts the files opened through `fs.promises.open` (what a log's reads use), by path: modules
// that import `open` from `node:fs/promises` see the patch once the builtins' ES exports are synced.
import { promises } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

/** Starts counting; `opened(path)` tells how often `path` was opened since, `undo` stops. */
export function countOpens() {
  const real = promises.open;
  const counts = new Map();
  promises.open = function open(path, ...rest) {
    counts.set(String(path), (counts.get(String(path)) ?? 0) + 1);
    return real.call(this, path, ...rest);
  };
  syncBuiltinESMExports();
  return {
    opened: (path) => counts.get(path) ?? 0,
    undo() {
      promises.open = real;
      syncBuiltinESMExports();
    },
  };
}
