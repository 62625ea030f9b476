// Per-folder settings: the flag options a reviewer picks from. Options found in the log are
// listed (they can be retired, not renamed); the reviewer's own can be added, renamed, retired.
import { useState } from 'react';
import type { AutoAdvance } from './use-auto-advance';
import type { FlagOptionsState } from './use-flag-options';
import { activeOptions, addOption, renameOption, setRetired } from './flag-options';

export function OptionsPanel({
  state,
  folderName,
  autoAdvance,
}: {
  state: FlagOptionsState;
  folderName: string;
  autoAdvance: AutoAdvance;
}): React.JSX.Element {
  const [draft, setDraft] = useState('');
  const [renaming, setRenaming] = useState<{ from: string; to: string } | null>(null);
  const { options } = state;
  if (!options) return <p className="muted">Loading options…</p>;
  const custom = options.custom;
  const active = activeOptions(options);
  const retired = custom.filter((o) => o.retired).map((o) => o.value);

  return (
    <div className="options-panel" data-testid="options-panel">
      <label className="setting">
        <input type="checkbox" checked={autoAdvance.on} onChange={(e) => autoAdvance.set(e.target.checked)} />{' '}
        After a triage key (a / x / u), go to the next unreviewed sample
      </label>
      <p className="muted">
        Flag options for <strong>{folderName}</strong>, in number-key order. Renaming keeps the old value in
        the history of samples already flagged with it.
      </p>
      <ol>
        {active.map((value) => (
          <li key={value}>
            {renaming?.from === value ? (
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  void state.save(renameOption(custom, renaming.from, renaming.to));
                  setRenaming(null);
                }}
              >
                <input
                  aria-label={`New name for ${value}`}
                  value={renaming.to}
                  onChange={(e) => setRenaming({ from: value, to: e.target.value })}
                  autoFocus
                />
                <button type="submit">Save</button>
                <button type="button" onClick={() => setRenaming(null)}>
                  Cancel
                </button>
              </form>
            ) : (
              <>
                <span className="option-value">{value}</span>
                {options.fromLogs.includes(value) ? (
                  <span className="muted"> (from log)</span>
                ) : (
                  <button
                    type="button"
                    className="link"
                    onClick={() => setRenaming({ from: value, to: value })}
                  >
                    rename
                  </button>
                )}
                <button
                  type="button"
                  className="link"
                  onClick={() => void state.save(setRetired(custom, value, true))}
                >
                  retire
                </button>
              </>
            )}
          </li>
        ))}
      </ol>
      <form
        className="add-option"
        onSubmit={(e) => {
          e.preventDefault();
          void state.save(addOption(custom, draft));
          setDraft('');
        }}
      >
        <input
          aria-label="New flag option"
          placeholder="New option"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
        />
        <button type="submit" disabled={!draft.trim()}>
          Add
        </button>
      </form>
      {retired.length > 0 && (
        <div className="retired">
          <h4>Retired</h4>
          {retired.map((value) => (
            <span key={value} className="retired-option">
              {value}{' '}
              <button
                type="button"
                className="link"
                onClick={() => void state.save(setRetired(custom, value, false))}
              >
                restore
              </button>
            </span>
          ))}
        </div>
      )}
      {state.error && <p className="error">{state.error}</p>}
    </div>
  );
}
