// Counts the calls of an `fs.promises` method (`open`: what a log's reads use; `readdir`: a folder
// walk's; `lstat`: what chokidar reads a directory with), by path, and with `callbacks` those of
// the callback method of that name too (platform/file-calls.ts opens so): modules that import them
// from `node:fs/promises` or `node:fs` see the patches once the builtins' ES exports are synced.
import fs, { promises } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

/** Starts counting; `calls(path)` tells how often it was called on `path` since, `undo` stops. */
export function countCalls(method, { callbacks = false } = {}) {
  const counts = new Map();
  const patched = [promises, ...(callbacks ? [fs] : [])].map((api) => {
    const real = api[method];
    api[method] = function counted(path, ...rest) {
      counts.set(String(path), (counts.get(String(path)) ?? 0) + 1);
      return real.call(this, path, ...rest);
    };
    return () => (api[method] = real);
  });
  syncBuiltinESMExports();
  return {
    calls: (path) => counts.get(path) ?? 0,
    /** Calls on paths `inside` the directory (its own path included). */
    callsInside: (dir) =>
      [...counts]
        .filter(([path]) => path === dir || path.startsWith(`${dir}/`))
        .reduce((sum, [, n]) => sum + n, 0),
    undo() {
      for (const restore of patched) restore();
      syncBuiltinESMExports();
    },
  };
}
