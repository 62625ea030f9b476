// Folder paths from a drop: a `file://` URI list (file managers, browsers) or plain text paths.
// Electron builds without File.path give nothing here; the path field stays the fallback.

export function droppedPaths(uriList: string, plain: string): string[] {
  const uris = uriList
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.startsWith('file://'))
    .map((l) => decodeURIComponent(new URL(l).pathname));
  if (uris.length) return uris;
  return plain
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.startsWith('/') || /^[A-Za-z]:[\\/]/.test(l));
}
