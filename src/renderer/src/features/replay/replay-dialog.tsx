// The Replay panel: name a running Gradio app, check the mapping of the log's columns to the
// endpoint's inputs and outputs, replay the current filter's samples with progress and cancel,
// then browse the samples by outcome with the flagged and replayed outputs side by side.
import { useId, useState, type FormEvent } from 'react';
import type { CallOutput, SampleFilter } from '../../../../shared/api';
import type { FolderInfo } from '../../../../shared/model';
import { DEFAULT_TIMEOUT_SECONDS, type ReplayMapping } from '../../../../shared/replay';
import { useApi } from '../../common/api-context';
import { Modal } from '../../components/modal';
import { MappingFields } from './mapping-fields';
import { ReplayResults } from './replay-results';
import { useReplayRun, type ReplayRun } from './use-replay-run';

const APP_KEY = 'flagdeck.replay.app';

interface Props {
  filter: SampleFilter;
  folders: FolderInfo[];
  onClose(): void;
}

type Connection = CallOutput<'replay.connect'>;

export function ReplayDialog({ filter, folders, onClose }: Props): React.JSX.Element {
  const { client } = useApi();
  const id = useId();
  const [folderId, setFolderId] = useState(folders[0]?.id ?? '');
  const [app, setApp] = useState(() => localStorage.getItem(APP_KEY) ?? 'http://127.0.0.1:7860');
  const [connection, setConnection] = useState<Connection | null>(null);
  const [connecting, setConnecting] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [apiName, setApiName] = useState('');
  const [mapping, setMapping] = useState<ReplayMapping>({ inputs: {}, outputs: {} });
  const [concurrency, setConcurrency] = useState(4);
  const [timeoutSeconds, setTimeoutSeconds] = useState(DEFAULT_TIMEOUT_SECONDS);
  const { job, start, cancel } = useReplayRun();
  const folder = folders.find((f) => f.id === folderId);
  const endpoint = connection?.endpoints.find((e) => e.apiName === apiName);

  const connect = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setConnecting(true);
    setProblem(null);
    try {
      const answer = await client.call('replay.connect', { folderId, app: app.trim() });
      localStorage.setItem(APP_KEY, app.trim());
      setConnection(answer);
      const first = answer.endpoints.find((e) => e.apiName === '/predict') ?? answer.endpoints[0];
      setApiName(first?.apiName ?? '');
      setMapping(
        first
          ? (answer.proposals[first.apiName] ?? { inputs: {}, outputs: {} })
          : { inputs: {}, outputs: {} },
      );
    } catch (error) {
      setConnection(null);
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setConnecting(false);
    }
  };

  const chooseEndpoint = (name: string): void => {
    setApiName(name);
    setMapping(connection?.proposals[name] ?? { inputs: {}, outputs: {} });
  };

  const replay = (): void => {
    if (!connection || !endpoint) return;
    void start({ folderId, app: connection.app, apiName, mapping, filter, concurrency, timeoutSeconds });
  };

  return (
    <Modal title="Replay" onClose={onClose} testId="replay-dialog">
      <form className="replay-connect" onSubmit={(e) => void connect(e)}>
        {folders.length > 1 && (
          <label>
            Folder{' '}
            <select value={folderId} onChange={(e) => setFolderId(e.target.value)}>
              {folders.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label htmlFor={`${id}-app`}>Gradio app (URL or Space id)</label>
        <input id={`${id}-app`} value={app} onChange={(e) => setApp(e.target.value)} spellCheck={false} />
        <button type="submit" disabled={connecting || app.trim() === ''}>
          {connecting ? 'Connecting…' : 'Connect'}
        </button>
      </form>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      {connection && (
        <section className="replay-setup">
          <p className="muted">
            Connected to {connection.app}
            {connection.gradioVersion ? ` (Gradio ${connection.gradioVersion})` : ''}:{' '}
            {connection.endpoints.length} endpoint{connection.endpoints.length === 1 ? '' : 's'}.
          </p>
          <label>
            Endpoint{' '}
            <select value={apiName} onChange={(e) => chooseEndpoint(e.target.value)}>
              {connection.endpoints.map((e) => (
                <option key={e.apiName}>{e.apiName}</option>
              ))}
            </select>
          </label>
          {endpoint && (
            <MappingFields
              endpoint={endpoint}
              columns={connection.columns}
              mapping={mapping}
              onChange={setMapping}
            />
          )}
          <label>
            Calls at once{' '}
            <input
              type="number"
              min={1}
              max={64}
              value={concurrency}
              onChange={(e) => setConcurrency(Math.max(1, Math.min(64, Number(e.target.value) || 1)))}
            />
          </label>
          <label title="A call not answered in time (queue included) is cancelled and retried; then it is that sample's error">
            Timeout per call (s){' '}
            <input
              type="number"
              min={1}
              max={86400}
              value={timeoutSeconds}
              onChange={(e) =>
                setTimeoutSeconds(
                  Math.max(1, Math.min(86_400, Number(e.target.value) || DEFAULT_TIMEOUT_SECONDS)),
                )
              }
            />
          </label>
          <div className="replay-actions">
            <button type="button" onClick={replay} disabled={!endpoint || job.state === 'running'}>
              Replay the samples of the current filter
            </button>
            {job.state === 'running' && (
              <button type="button" onClick={cancel}>
                Cancel
              </button>
            )}
          </div>
        </section>
      )}
      <RunStatus job={job} />
      {job.state === 'ended' && folder && <ReplayResults key={job.run} folder={folder} run={job.run} />}
    </Modal>
  );
}

function RunStatus({ job }: { job: ReplayRun }): React.JSX.Element | null {
  if (job.state === 'idle') return null;
  if (job.state === 'failed')
    return (
      <p className="error" role="alert">
        {job.message}
      </p>
    );
  if (job.state === 'running') {
    const counts = job.counts;
    return (
      <div className="replay-progress" role="status">
        <progress max={job.total || 1} value={job.done} aria-label="Replay progress" />
        <span>
          {job.done} / {job.total || '…'} replayed
          {counts
            ? ` · ${counts.same} same, ${counts.changed} changed, ${counts.errors} errors, ${counts.skipped} skipped`
            : ''}
        </span>
      </div>
    );
  }
  const { counts, state, message } = job.finished;
  return (
    <p className="replay-summary" role="status" data-testid="replay-summary">
      {state === 'finished' ? 'Replayed' : state === 'cancelled' ? 'Cancelled after' : 'Interrupted after'}{' '}
      {counts.replayed} of {job.total}: {counts.same} same, {counts.changed} changed, {counts.errors} errors,{' '}
      {counts.skipped} skipped{message ? ` (${message})` : ''}. Run {job.run}.
    </p>
  );
}
