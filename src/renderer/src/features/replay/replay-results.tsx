// A finished (or cancelled) run: its counts as filter buttons, the samples with the chosen outcome,
// and the side-by-side view of the one picked.
import { useEffect, useState } from 'react';
import type { FolderInfo } from '../../../../shared/model';
import type { ReplayOutcome } from '../../../../shared/replay';
import { useApi } from '../../common/api-context';
import { ReplayComparison } from './replay-comparison';

const OUTCOMES: ReplayOutcome[] = ['changed', 'same', 'error', 'skipped'];

export function ReplayResults({ folder, run }: { folder: FolderInfo; run: string }): React.JSX.Element {
  const { client } = useApi();
  const [outcomes, setOutcomes] = useState<{ id: string; outcome: ReplayOutcome }[]>([]);
  const [shown, setShown] = useState<ReplayOutcome>('changed');
  const [picked, setPicked] = useState<string | null>(null);
  useEffect(() => {
    void client.call('replay.outcomes', { folderId: folder.id, run }).then((answer) => {
      const sorted = [...answer.outcomes].sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
      setOutcomes(sorted);
    });
  }, [client, folder.id, run]);
  const matching = outcomes.filter((item) => item.outcome === shown);
  return (
    <div className="replay-results">
      <div className="segmented" role="group" aria-label="Replay outcome">
        {OUTCOMES.map((outcome) => (
          <button
            key={outcome}
            type="button"
            aria-pressed={shown === outcome}
            onClick={() => {
              setShown(outcome);
              setPicked(null);
            }}
          >
            {outcome} ({outcomes.filter((item) => item.outcome === outcome).length})
          </button>
        ))}
      </div>
      <div className="replay-results-body">
        <ul className="replay-sample-list" aria-label={`Samples ${shown}`}>
          {matching.length === 0 && <li className="muted">none</li>}
          {matching.map((item) => (
            <li key={item.id}>
              <button type="button" aria-pressed={picked === item.id} onClick={() => setPicked(item.id)}>
                {item.id}
              </button>
            </li>
          ))}
        </ul>
        {picked && <ReplayComparison key={picked} folder={folder} run={run} id={picked} />}
      </div>
    </div>
  );
}
