// Short names for the open folders. Most are called `flagged`, so where names repeat, parent
// folders are added until each label is unique (`proj-a/flagged`, `proj-b/.gradio/flagged`).

const MAX_DEPTH = 4;

function segments(path: string): string[] {
  return path.split(/[\\/]/).filter(Boolean);
}

function tail(path: string, depth: number): string {
  return segments(path).slice(-depth).join('/');
}

export function folderLabels(folders: { id: string; path: string; name: string }[]): Map<string, string> {
  const labels = new Map<string, string>();
  for (const folder of folders) {
    const clash = folders.some((f) => f !== folder && f.name === folder.name);
    if (!clash) {
      labels.set(folder.id, folder.name);
      continue;
    }
    let depth = 2;
    while (
      depth < MAX_DEPTH &&
      folders.some((f) => f !== folder && tail(f.path, depth) === tail(folder.path, depth))
    ) {
      depth++;
    }
    labels.set(folder.id, tail(folder.path, depth));
  }
  return labels;
}
