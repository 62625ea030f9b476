// The words beside the progress bar: samples while the layout is written, then bytes while a push
// uploads (with the commit under way when it makes several).
import type { ExportProgress } from '../../../../shared/export';
import { formatBytes } from '../../common/format-bytes';

const PUSH_PHASES: Record<string, string> = {
  preparing: 'Comparing with the repo',
  hashing: 'Hashing',
  uploading: 'Uploading',
  committing: 'Committing',
  done: 'Done',
};

export function isPushProgress(progress: ExportProgress | null): boolean {
  return progress?.bytesTotal !== undefined;
}

/** The bar's value and maximum. */
export function progressBar(progress: ExportProgress | null): { value?: number; max: number } {
  if (!progress) return { max: 1 };
  if (isPushProgress(progress)) return { value: progress.bytes, max: progress.bytesTotal || 1 };
  return progress.total ? { value: progress.done, max: progress.total } : { max: 1 };
}

export function progressText(progress: ExportProgress | null): string {
  if (!progress || (!isPushProgress(progress) && !progress.total)) return 'Starting…';
  if (!isPushProgress(progress)) {
    return `${progress.done.toLocaleString('en')} / ${progress.total.toLocaleString('en')} samples · ${formatBytes(progress.bytes)}`;
  }
  const phase = PUSH_PHASES[progress.phase] ?? progress.phase;
  const commit = (progress.commits ?? 0) > 1 ? ` · commit ${progress.commit} of ${progress.commits}` : '';
  return `${phase}: ${formatBytes(progress.bytes)} / ${formatBytes(progress.bytesTotal ?? 0)}${commit}`;
}
