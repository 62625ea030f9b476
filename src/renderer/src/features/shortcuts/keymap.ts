// Every keyboard shortcut in one table: the `?` overlay lists it, and `actionFor` reads it, so the
// help can never disagree with what the keys do.
import type { ReviewStatus } from '../../../../shared/model';

export type Action =
  | { type: 'move'; by: 1 | -1 }
  | { type: 'open' }
  | { type: 'play' }
  | { type: 'seek'; seconds: number }
  | { type: 'reason'; option: number }
  | { type: 'clearReason' }
  | { type: 'status'; status: ReviewStatus }
  | { type: 'nextUnreviewed' }
  | { type: 'note' }
  | { type: 'search' }
  | { type: 'toggleView' }
  | { type: 'settings' }
  | { type: 'export' }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'selectAll' }
  | { type: 'escape' }
  | { type: 'help' };

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

interface Shortcut {
  keys: string[];
  label: string;
  group: 'Move' | 'Review' | 'Media' | 'View';
  mod?: boolean;
  shift?: boolean;
  action: (key: string) => Action;
}

export const shortcuts: Shortcut[] = [
  { keys: ['j', 'ArrowDown'], label: 'Next sample', group: 'Move', action: () => ({ type: 'move', by: 1 }) },
  {
    keys: ['k', 'ArrowUp'],
    label: 'Previous sample',
    group: 'Move',
    action: () => ({ type: 'move', by: -1 }),
  },
  {
    keys: ['Enter'],
    label: 'Open the sample in the detail pane',
    group: 'Move',
    action: () => ({ type: 'open' }),
  },
  { keys: ['n'], label: 'Next unreviewed sample', group: 'Move', action: () => ({ type: 'nextUnreviewed' }) },
  {
    keys: ['1', '2', '3', '4', '5', '6', '7', '8', '9'],
    label: 'Set flag reason to option 1–9',
    group: 'Review',
    action: (key) => ({ type: 'reason', option: Number(key) }),
  },
  { keys: ['0'], label: 'Clear the flag reason', group: 'Review', action: () => ({ type: 'clearReason' }) },
  { keys: ['a'], label: 'Triage: keep', group: 'Review', action: () => ({ type: 'status', status: 'keep' }) },
  { keys: ['x'], label: 'Triage: drop', group: 'Review', action: () => ({ type: 'status', status: 'drop' }) },
  {
    keys: ['u'],
    label: 'Triage: unsure',
    group: 'Review',
    action: () => ({ type: 'status', status: 'unsure' }),
  },
  {
    keys: ['r'],
    label: 'Triage: back to unreviewed',
    group: 'Review',
    action: () => ({ type: 'status', status: 'unreviewed' }),
  },
  { keys: ['e'], label: 'Edit the note', group: 'Review', action: () => ({ type: 'note' }) },
  { keys: ['z'], mod: true, label: 'Undo', group: 'Review', action: () => ({ type: 'undo' }) },
  { keys: ['z'], mod: true, shift: true, label: 'Redo', group: 'Review', action: () => ({ type: 'redo' }) },
  { keys: ['y'], mod: true, label: 'Redo', group: 'Review', action: () => ({ type: 'redo' }) },
  {
    keys: ['a'],
    mod: true,
    label: 'Select all matching the filter',
    group: 'Review',
    action: () => ({ type: 'selectAll' }),
  },
  { keys: [' '], label: 'Play / pause audio or video', group: 'Media', action: () => ({ type: 'play' }) },
  {
    keys: ['ArrowLeft'],
    label: 'Seek back 5 s',
    group: 'Media',
    action: () => ({ type: 'seek', seconds: -5 }),
  },
  {
    keys: ['ArrowRight'],
    label: 'Seek forward 5 s',
    group: 'Media',
    action: () => ({ type: 'seek', seconds: 5 }),
  },
  { keys: ['/'], label: 'Search', group: 'View', action: () => ({ type: 'search' }) },
  { keys: ['g'], label: 'Switch table / grid', group: 'View', action: () => ({ type: 'toggleView' }) },
  { keys: ['s'], label: 'Flag options settings', group: 'View', action: () => ({ type: 'settings' }) },
  // Shift+E, as `e` edits the note; Ctrl/⌘+E belongs to the browser.
  { keys: ['E'], label: 'Export the selection', group: 'View', action: () => ({ type: 'export' }) },
  {
    keys: ['Escape'],
    label: 'Clear selection, close overlays',
    group: 'View',
    action: () => ({ type: 'escape' }),
  },
  { keys: ['?'], label: 'This list of shortcuts', group: 'View', action: () => ({ type: 'help' }) },
];

export function actionFor(event: KeyLike): Action | undefined {
  const mod = event.ctrlKey || event.metaKey;
  if (event.altKey) return undefined;
  const key = event.key.length === 1 && mod ? event.key.toLowerCase() : event.key;
  for (const shortcut of shortcuts) {
    if (!shortcut.keys.includes(key)) continue;
    if (Boolean(shortcut.mod) !== mod) continue;
    // Shift is part of `?` itself, so it only disambiguates modified shortcuts.
    if (mod && Boolean(shortcut.shift) !== event.shiftKey) continue;
    return shortcut.action(key);
  }
  return undefined;
}

const keyNames: Record<string, string> = {
  ' ': 'Space',
  ArrowDown: '↓',
  ArrowUp: '↑',
  ArrowLeft: '←',
  ArrowRight: '→',
  E: 'Shift+E',
};

/** How a shortcut is written in the help overlay, e.g. `Ctrl+Shift+Z`. */
export function describeKeys(shortcut: Shortcut): string {
  const keys = shortcut.keys.length === 9 ? ['1–9'] : shortcut.keys.map((k) => keyNames[k] ?? k);
  const prefix = `${shortcut.mod ? 'Ctrl/⌘+' : ''}${shortcut.shift ? 'Shift+' : ''}`;
  return keys.map((k) => prefix + (shortcut.mod ? k.toUpperCase() : k)).join(' / ');
}
