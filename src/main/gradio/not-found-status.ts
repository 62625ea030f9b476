// What a reference that resolves nowhere in the folder is (asset-resolver.ts): a stale path meant
// for inside it (missing), or a path elsewhere (outside).
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { looseName } from './loose-name';

/** A path that begins with a Windows drive (`C:/`, backslashes made slashes). */
export const WINDOWS_DRIVE = /^[a-zA-Z]:\//;

/**
 * What a reference found nowhere in the folder is: `missing` when it was meant to be inside it (a
 * stale path into this folder, a Gradio temp copy from the demo's machine), else `outside`.
 */
export function notFoundStatus(root: string, ref: string): 'missing' | 'outside' {
  // The common case first, without splitting: a relative path that never climbs.
  const first = ref.trimStart().charCodeAt(0);
  const plainRelative = first !== 47 && first !== 92 && ref.trimStart()[1] !== ':' && !ref.includes('..');
  if (plainRelative) return 'missing';
  const written = ref.trim().replaceAll('\\', '/');
  const segments = written.split('/').filter((segment) => segment !== '' && segment !== '.');
  const drive = WINDOWS_DRIVE.test(written);
  if (isGradioTempPath(segments)) return 'missing';
  if (!drive && !isAbsolute(written)) {
    if (!segments.includes('..')) return 'missing';
    const rel = relative(root, resolve(root, written));
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? 'missing' : 'outside';
  }
  const names = new Set([looseName(root.split(sep).pop() ?? ''), 'flagged']);
  return segments.some((segment) => names.has(looseName(segment))) ? 'missing' : 'outside';
}

/** `…\Temp\gradio\…` (Windows) or `/tmp/gradio/…`: where Gradio keeps uploads and chat files. */
function isGradioTempPath(segments: string[]): boolean {
  return segments.some(
    (segment, index) => /^(?:temp|tmp)$/i.test(segment) && segments[index + 1]?.toLowerCase() === 'gradio',
  );
}
