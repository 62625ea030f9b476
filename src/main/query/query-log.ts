// One log as the query engine sees it: its index and the review overlay over it.
import type { LogIndex } from '../log-index/log-index';
import type { ReviewOverlay } from './review-overlay';

/** One log as the query engine sees it. */
export interface QueryLog {
  folderId: string;
  /** `<folderId>/<log file>`. */
  key: string;
  log: LogIndex;
  overlay: ReviewOverlay;
}
