// A finished (or cancelled) run: its counts as filter buttons, the samples with the chosen outcome,
// and the side-by-side view of the one picked.
import { useEffect, useState } from 'react';
import type { FolderInfo, ReviewStatus } from '../../../../shared/model';
import type { ReplayOutcome } from '../../../../shared/replay';
import { useApi } from '../../common/api-context';
import { ReplayComparison } from '../../common/replay-comparison';

const OUTCOMES: ReplayOutcome[] = ['changed', 'same', 'error', 'skipped'];
const TRIAGE: ReviewStatus[] = ['keep', 'drop', 'unsure'];

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
  const [triaged, setTriaged] = useState<string | null>(null);
  // One review edit (one undo step) over every sample with the outcome shown.
  const triage = async (status: ReviewStatus): Promise<void> => {
    const samples = matching.map((item) => ({ folderId: folder.id, id: item.id }));
    try {
      const { count } = await client.call('review.edit', { targets: { samples }, patch: { status } });
      setTriaged(`${status}: ${count} ${shown} sample${count === 1 ? '' : 's'} saved`);
    } catch (error) {
      setTriaged(error instanceof Error ? error.message : String(error));
    }
  };
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
              setTriaged(null);
            }}
          >
            {outcome} ({outcomes.filter((item) => item.outcome === outcome).length})
          </button>
        ))}
      </div>
      {matching.length > 0 && (
        <div className="replay-triage" role="group" aria-label={`Triage the ${shown} samples`}>
          Mark all {matching.length} {shown}:{' '}
          {TRIAGE.map((status) => (
            <button key={status} type="button" onClick={() => void triage(status)}>
              {status}
            </button>
          ))}{' '}
          {triaged && (
            <span className="muted" role="status">
              {triaged}
            </span>
          )}
        </div>
      )}
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
