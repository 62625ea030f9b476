// Counts the calls of an `fs.promises` method (`open`: what a log's reads use; `readdir`: a folder
// walk's; `lstat`: what chokidar reads a directory with), by path: modules that import it from
// `node:fs/promises` see the patch once the builtins' ES exports are synced.
import { promises } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

/** Starts counting; `calls(path)` tells how often it was called on `path` since, `undo` stops. */
export function countCalls(method) {
  const real = promises[method];
  const counts = new Map();
  promises[method] = function counted(path, ...rest) {
    counts.set(String(path), (counts.get(String(path)) ?? 0) + 1);
    return real.call(this, path, ...rest);
  };
  syncBuiltinESMExports();
  return {
    calls: (path) => counts.get(path) ?? 0,
    /** Calls on paths `inside` the directory (its own path included). */
    callsInside: (dir) =>
      [...counts]
        .filter(([path]) => path === dir || path.startsWith(`${dir}/`))
        .reduce((sum, [, n]) => sum + n, 0),
    undo() {
      promises[method] = real;
      syncBuiltinESMExports();
    },
  };
}
