// What a reviewer is told when a followed folder cannot be watched (whole or in part): what the
// system refused, what to change to have it, and how the folder is followed meanwhile.

/** Every this long, a folder the watcher cannot follow whole is looked through for new logs. */
export const DISCOVER_MS = 5000;

const REASONS: Record<string, string> = {
  ENOSPC:
    "the system's limit of file watches is reached (ENOSPC; on Linux raise fs.inotify.max_user_watches, e.g. sysctl fs.inotify.max_user_watches=524288)",
  EMFILE: 'too many files are open (EMFILE; raise the limit of open files, ulimit -n)',
  ENFILE: "the system's table of open files is full (ENFILE)",
  EACCES: 'permission denied (EACCES)',
  EPERM: 'operation not permitted (EPERM)',
};

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function pathOf(error: unknown): string | undefined {
  const path = (error as { path?: unknown } | null)?.path;
  return typeof path === 'string' ? path : undefined;
}

/** Causes that are the system's, not a directory's: told once, whichever directory met them. */
const SYSTEM_WIDE = new Set(['ENOSPC', 'EMFILE', 'ENFILE']);

/**
 * The folder's problem for a watcher's error: the cause in words, where (for a directory's own
 * cause: a watcher meets the system's limit once per directory past it), and what still works.
 */
export function watchProblem(error: unknown): string {
  const code = codeOf(error);
  const known = code === undefined ? undefined : REASONS[code];
  const path = pathOf(error);
  const where = known && path && !SYSTEM_WIDE.has(code ?? '') ? ` at ${path}` : '';
  const reason = known ?? (error instanceof Error ? error.message : String(error));
  return (
    `not watched for changes: ${reason}${where}. ` +
    `New logs are looked for every ${DISCOVER_MS / 1000} s instead (less often where looking takes long); rows appended to its logs are still found by polling.`
  );
}
