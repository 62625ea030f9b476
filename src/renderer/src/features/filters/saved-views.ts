// Saved views: a filter and sort kept by name, for the folders they were saved with (by path, so a
// view comes back whenever those folders are open). Kept in local storage with the other UI settings.
import { SampleFilter, SampleSort } from '../../../../shared/api';

export interface SavedView {
  name: string;
  /** The paths of the folders the view shows; it is offered while they are all open. */
  folders: string[];
  filter: SampleFilter;
  sort?: SampleSort;
}

const KEY = 'flagdeck.views';

function valid(value: unknown): value is SavedView {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.name === 'string' &&
    Array.isArray(v.folders) &&
    v.folders.every((f) => typeof f === 'string') &&
    SampleFilter.safeParse(v.filter).success &&
    (v.sort === undefined || SampleSort.safeParse(v.sort).success)
  );
}

export function readViews(): SavedView[] {
  try {
    const parsed: unknown = JSON.parse(globalThis.localStorage?.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(valid) : [];
  } catch {
    return [];
  }
}

export function writeViews(views: SavedView[]): void {
  try {
    globalThis.localStorage?.setItem(KEY, JSON.stringify(views));
  } catch {
    // No storage (a sandboxed page): the views hold for this session.
  }
}

/** The views whose folders are all open. */
export function viewsFor(views: SavedView[], openPaths: string[]): SavedView[] {
  const open = new Set(openPaths);
  return views.filter((v) => v.folders.every((path) => open.has(path)));
}

/** Adds a view, replacing one of the same name saved for the same folders. */
export function withView(views: SavedView[], view: SavedView): SavedView[] {
  const same = (v: SavedView) => v.name === view.name && sameFolders(v.folders, view.folders);
  return [...views.filter((v) => !same(v)), view];
}

export function withoutView(views: SavedView[], view: SavedView): SavedView[] {
  return views.filter((v) => !(v.name === view.name && sameFolders(v.folders, view.folders)));
}

/** Whether the screen shows exactly this view (same filter and sort). */
export function showsView(view: SavedView, filter: SampleFilter, sort: SampleSort | undefined): boolean {
  return JSON.stringify([view.filter, view.sort ?? null]) === JSON.stringify([filter, sort ?? null]);
}

function sameFolders(a: string[], b: string[]): boolean {
  return a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
}
