// The entry point: open one flagging folder's review state.
import { userInfo } from 'node:os';
import type { ReviewService } from './review-store';
import { JournalStore } from './journal-store';
import { JournalWriter } from './journal-writer';
import { locateReview, type LocateOptions } from './location';
import { UndoHistory } from './undo-history';

export interface OpenReviewOptions extends LocateOptions {
  /** Name recorded with each change when a caller gives none (default: the OS user name). */
  reviewer?: string;
  /** Share one history between the folders of a workspace so undo follows the caller across them. */
  history?: UndoHistory;
  /** Called with the ids that changed, from this process or any other writer. */
  emit?: (ids: string[]) => void;
  /** Journal poll interval besides file-system events (ms). */
  pollMs?: number;
  /** Compact on close when at least this many journal bytes are not in the snapshot yet. */
  compactBytes?: number;
}

export async function openReview(root: string, options: OpenReviewOptions): Promise<ReviewService> {
  const location = await locateReview(root, options);
  const store = new JournalStore({
    location,
    writer: await JournalWriter.open(location.journal),
    history: options.history ?? new UndoHistory(),
    reviewer: options.reviewer ?? defaultReviewer(),
    pollMs: options.pollMs ?? 500,
    compactBytes: options.compactBytes ?? 1024 * 1024,
  });
  await store.start();
  if (options.emit) store.onChange(options.emit);
  return store;
}

export function defaultReviewer(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? 'reviewer';
  }
}
