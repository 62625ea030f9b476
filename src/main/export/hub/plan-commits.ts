// How a layout goes up: Parquet layouts in one commit; folder layouts in commits of at most
// `maxFiles` files, with the files that advertise the dataset (`metadata.*` beside the media, the
// README card) and the deletions in the last commit, so a push cut short never shows a dataset
// whose metadata points at files that are not there.

export const MAX_FILES_PER_COMMIT = 100;

const ADVERTISING = /(^|\/)metadata\.(jsonl|csv|parquet)$/;

export function advertisesDataset(path: string): boolean {
  return path === 'README.md' || ADVERTISING.test(path);
}

export interface CommitPlan<T> {
  uploads: T[];
  deletions: string[];
}

export function planCommits<T extends { path: string }>(
  uploads: T[],
  deletions: string[],
  options: { singleCommit: boolean; maxFiles?: number },
): CommitPlan<T>[] {
  if (options.singleCommit) return uploads.length + deletions.length > 0 ? [{ uploads, deletions }] : [];
  const maxFiles = options.maxFiles ?? MAX_FILES_PER_COMMIT;
  const media = uploads.filter((file) => !advertisesDataset(file.path));
  const last = uploads.filter((file) => advertisesDataset(file.path));
  const plans: CommitPlan<T>[] = [];
  for (let start = 0; start < media.length; start += maxFiles) {
    plans.push({ uploads: media.slice(start, start + maxFiles), deletions: [] });
  }
  const lastPlan = plans.at(-1);
  // The advertising files join the last media commit when they fit, else get their own.
  if (lastPlan && lastPlan.uploads.length + last.length + deletions.length <= maxFiles) {
    lastPlan.uploads.push(...last);
    lastPlan.deletions.push(...deletions);
  } else if (last.length + deletions.length > 0) {
    plans.push({ uploads: last, deletions });
  }
  return plans;
}
