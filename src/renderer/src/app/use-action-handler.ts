// What each keyboard action does on the workbench.
import type { ReviewPatch } from '../../../shared/api';
import { activeMedia } from '../features/detail/previews/media-control';
import type { ReviewActions } from '../features/review/use-review-actions';
import type { Action } from '../features/shortcuts/keymap';
import type { PagedRows } from '../common/use-paged-rows';
import type { Cursor } from './use-cursor';

export interface Workbench {
  rows: PagedRows;
  cursor: Cursor;
  review: ReviewActions;
  options: string[];
  hasSelection: boolean;
  /** After a triage key on one sample, go to the next unreviewed one. */
  autoAdvance: boolean;
  /**
   * The selection holds samples of several folders (or of another folder than the current row's):
   * option N means each folder's own, resolved by the review service.
   */
  reasonByOption: boolean;
  focusNote(): void;
  focusSearch(): void;
  toggleView(): void;
  toggleWide(): void;
  openSettings(): void;
  openExport(): void;
  openHelp(): void;
  selectAll(): void;
  clearSelection(): void;
}

export function handleAction(action: Action, w: Workbench): void {
  const edit = (patch: ReviewPatch, what: string): void => void w.review.edit(patch, what);
  switch (action.type) {
    case 'move':
      w.cursor.moveTo(w.cursor.current < 0 ? 0 : w.cursor.current + action.by, true);
      return;
    case 'open':
      if (w.cursor.current < 0) w.cursor.moveTo(0, true);
      else w.toggleWide();
      return;
    case 'play':
      activeMedia()?.toggle();
      return;
    case 'seek':
      activeMedia()?.seek(action.seconds);
      return;
    case 'reason': {
      if (w.reasonByOption) {
        edit({ reasonOption: action.option }, `Reason option ${action.option} of each folder`);
        return;
      }
      const option = w.options[action.option - 1];
      if (option !== undefined) edit({ reason: option }, `Reason "${option}"`);
      return;
    }
    case 'clearReason':
      edit({ reason: null }, 'Reason cleared');
      return;
    case 'status': {
      const advance = w.autoAdvance && !w.hasSelection && action.status !== 'unreviewed';
      void w.review
        .edit({ status: action.status }, `Status ${action.status}`)
        .then((saved) => saved && advance && nextUnreviewed(w));
      return;
    }
    case 'nextUnreviewed':
      nextUnreviewed(w);
      return;
    case 'note':
      w.focusNote();
      return;
    case 'search':
      w.focusSearch();
      return;
    case 'toggleView':
      w.toggleView();
      return;
    case 'settings':
      w.openSettings();
      return;
    case 'export':
      w.openExport();
      return;
    case 'undo':
      void w.review.undo();
      return;
    case 'redo':
      void w.review.redo();
      return;
    case 'selectAll':
      w.selectAll();
      return;
    case 'escape':
      w.clearSelection();
      return;
    case 'help':
      w.openHelp();
      return;
  }
}

function nextUnreviewed(w: Workbench): void {
  void w.rows
    .findFrom(w.cursor.current + 1, (r) => r.review.status === 'unreviewed')
    .then((at) => at >= 0 && w.cursor.moveTo(at, true));
}
