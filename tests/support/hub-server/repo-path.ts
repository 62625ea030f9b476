// Paths inside a repo, checked as the Hub checks them: relative, no `..` or empty segments, no
// `.git` folder, forward slashes only.

export function pathProblem(path: unknown): string | undefined {
  if (typeof path !== 'string' || path.length === 0) return 'a path is empty';
  if (path.length > 1000) return `path too long: ${path.slice(0, 40)}…`;
  if (path.startsWith('/')) return `path must be relative: ${path}`;
  if (path.includes('\\')) return `path must use forward slashes: ${path}`;
  const segments = path.split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..')) return `invalid path segment in ${path}`;
  if (segments.some((s) => s === '.git')) return `path inside .git: ${path}`;
  return undefined;
}
