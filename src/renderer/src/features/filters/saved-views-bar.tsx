// Pick a saved view, save the current filter and sort under a name, or delete the view shown.
import { useState } from 'react';
import type { SampleFilter, SampleSort } from '../../../../shared/api';
import {
  readViews,
  showsView,
  viewsFor,
  withoutView,
  withView,
  writeViews,
  type SavedView,
} from './saved-views';

interface Props {
  filter: SampleFilter;
  sort: SampleSort | undefined;
  /** The paths of the open folders, and of those the filter shows (what a new view is saved for). */
  openPaths: string[];
  shownPaths: string[];
  onApply: (view: SavedView) => void;
}

export function SavedViewsBar({ filter, sort, openPaths, shownPaths, onApply }: Props): React.JSX.Element {
  const [views, setViews] = useState(readViews);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const offered = viewsFor(views, openPaths);
  const shown = offered.find((v) => showsView(v, filter, sort));
  const store = (next: SavedView[]): void => {
    setViews(next);
    writeViews(next);
  };
  const save = (): void => {
    const trimmed = name.trim();
    if (trimmed === '') return;
    store(withView(views, { name: trimmed, folders: shownPaths, filter, sort }));
    setNaming(false);
    setName('');
  };

  return (
    <span className="saved-views">
      {offered.length > 0 && (
        <select
          aria-label="Saved view"
          value={shown ? offered.indexOf(shown) : ''}
          onChange={(e) => {
            const view = offered[Number(e.target.value)];
            if (view) onApply(view);
          }}
        >
          <option value="">Views…</option>
          {offered.map((v, i) => (
            <option key={`${v.name}\n${v.folders.join('\n')}`} value={i}>
              {v.name}
            </option>
          ))}
        </select>
      )}
      {naming ? (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
        >
          <input
            aria-label="View name"
            placeholder="View name"
            value={name}
            autoFocus
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.stopPropagation();
                setNaming(false);
              }
            }}
          />
          <button type="submit" disabled={name.trim() === ''}>
            Save
          </button>
        </form>
      ) : (
        <button type="button" className="link" onClick={() => setNaming(true)}>
          Save view
        </button>
      )}
      {shown && (
        <button
          type="button"
          className="link"
          aria-label={`Delete view ${shown.name}`}
          onClick={() => store(withoutView(views, shown))}
        >
          Delete view
        </button>
      )}
    </span>
  );
}
