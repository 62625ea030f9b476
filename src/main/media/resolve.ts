// Safe resolution of a media request to a file inside an open folder. A request names a path
// relative to the folder; anything that could reach outside it is refused before touching disk,
// and symlinks are followed only to check that the real target is still inside.
import { realpath, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';

export type Resolved =
  { ok: true; file: string; stats: Stats } | { ok: false; status: 403 | 404; reason: string };

const refuse = (reason: string): Resolved => ({ ok: false, status: 403, reason });
const missing = (reason: string): Resolved => ({ ok: false, status: 404, reason });

/** Why a relative request path is refused outright, or null when it may be looked up. */
export function unsafePathReason(path: string): string | null {
  if (path.length === 0) return 'empty path';
  if (path.includes('\0')) return 'NUL byte in path';
  if (path.startsWith('/') || path.startsWith('\\') || /^[A-Za-z]:/.test(path) || isAbsolute(path)) {
    return 'absolute path';
  }
  if (path.split(/[\\/]/).some((segment) => segment === '..')) return '".." in path';
  return null;
}

function inside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** Resolves `path` (relative, `/`-separated) under `root`; 403 for escapes, 404 for absent files. */
export async function resolveMediaPath(root: string, path: string): Promise<Resolved> {
  const unsafe = unsafePathReason(path);
  if (unsafe) return refuse(`${unsafe}: ${JSON.stringify(path)}`);
  let realRoot: string;
  try {
    realRoot = await realpath(root);
  } catch {
    return missing(`folder not found: ${root}`);
  }
  let real: string;
  try {
    real = await realpath(join(realRoot, ...path.split('/')));
  } catch {
    return missing(`no such file: ${path}`);
  }
  if (!inside(realRoot, real)) return refuse(`${path} leads outside the folder`);
  const stats = await stat(real);
  if (!stats.isFile()) return missing(`not a file: ${path}`);
  return { ok: true, file: real, stats };
}
