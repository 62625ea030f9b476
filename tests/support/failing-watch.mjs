// Makes `fs.watch` fail as Linux does past its limit of inotify watches (ENOSPC), for the paths a
// test names: chokidar imports `watch` from `fs`, so the builtin's ES module exports are synced
// after the patch. Plain JS: the end-to-end tests load it into `flagdeck serve` with --import.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

/** Node's own error for a watch past the limit (UVException's fields). */
export function enospcError(path) {
  return Object.assign(
    new Error(`ENOSPC: System limit for number of file watchers reached, watch '${path}'`),
    {
      errno: -28,
      code: 'ENOSPC',
      syscall: 'watch',
      path,
      filename: path,
    },
  );
}

/** fs.watch throws ENOSPC for each path `fails` says; the others are watched. Returns the undo. */
export function failWatches(fails) {
  const real = fs.watch;
  fs.watch = function watch(path, ...rest) {
    if (fails(String(path))) throw enospcError(String(path));
    return real.call(this, path, ...rest);
  };
  syncBuiltinESMExports();
  return () => {
    fs.watch = real;
    syncBuiltinESMExports();
  };
}
