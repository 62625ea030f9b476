// The Export dialog: what to export (the current filter + a status), where (target and layout),
// the privacy pass, then progress with cancel, and the result's path at the end.
import { useId, useMemo, useState, type FormEvent } from 'react';
import type { ExportSelection, SampleFilter } from '../../../../shared/api';
import type {
  DatasetFormat,
  ExportFormat,
  ExportPrivacy,
  ExportStatusChoice,
  ExportTargetSpec,
} from '../../../../shared/export';
import type { FolderInfo } from '../../../../shared/model';
import { Modal } from '../../components/modal';
import { ExportProgressView } from './export-progress-view';
import {
  hubTarget,
  rememberedHubFields,
  rememberHubFields,
  repoIdProblem,
  type HubFields,
} from './hub-fields';
import { HubTargetFields } from './hub-target-fields';
import { SelectionSummary } from './selection-summary';
import { useExportJob } from './use-export-job';
import { useExportSummary } from './use-export-summary';

const FORMATS: { value: ExportFormat; label: string }[] = [
  { value: 'imagefolder', label: 'Hugging Face imagefolder (images + metadata.jsonl)' },
  { value: 'audiofolder', label: 'Hugging Face audiofolder (audio + metadata.jsonl)' },
  { value: 'parquet', label: 'Parquet shards (images / audio embedded)' },
  { value: 'gradio', label: 'Gradio flagging folder (log.csv + files)' },
];

const STATUS_CHOICES: { value: ExportStatusChoice; label: string }[] = [
  { value: 'keep', label: 'Kept samples' },
  { value: 'unsure', label: 'Unsure samples' },
  { value: 'drop', label: 'Dropped samples' },
  { value: 'unreviewed', label: 'Unreviewed samples' },
  { value: 'any', label: 'Every status' },
];

interface Props {
  filter: SampleFilter;
  folders: FolderInfo[];
  onClose(): void;
}

export function ExportDialog({ filter, folders, onClose }: Props): React.JSX.Element {
  const id = useId();
  const [status, setStatus] = useState<ExportStatusChoice>('keep');
  const [chosenFormat, setFormat] = useState<ExportFormat | null>(null);
  const [out, setOut] = useState<string | null>(null);
  const [overwrite, setOverwrite] = useState(false);
  const [privacy, setPrivacy] = useState<ExportPrivacy>({ username: 'keep', stripExif: false });
  const [targetKind, setTargetKind] = useState<'folder' | 'hub'>('folder');
  const [hub, setHub] = useState<HubFields>(rememberedHubFields);
  const selection = useMemo<ExportSelection>(() => ({ filter, statuses: [status] }), [filter, status]);
  const { summary, loading, error: summaryError, files, filesError } = useExportSummary(selection);
  const { job, start, cancel, reset } = useExportJob();

  const pushing = targetKind === 'hub';
  const format = datasetFormatFor(pushing, chosenFormat ?? summary?.suggestedFormat ?? 'imagefolder');
  const outPath = out ?? (folders[0] ? `${folders[0].path}-${format}` : '');
  const running = job.state === 'running';
  const targetReady = pushing
    ? hub.repo.trim() !== '' && repoIdProblem(hub.repo) === null
    : outPath.trim() !== '';
  const canStart = !running && !loading && (summary?.samples ?? 0) > 0 && targetReady;

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    if (!canStart) return;
    let target: ExportTargetSpec = { kind: 'folder', format, out: outPath.trim(), overwrite };
    if (pushing && format !== 'gradio') {
      rememberHubFields(hub);
      target = hubTarget(hub, format);
    }
    void start({ selection, target, privacy });
  };
  const change =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      if (job.state !== 'running') reset();
      set(value);
    };

  return (
    <Modal title="Export" onClose={running ? cancel : onClose} testId="export-dialog">
      <form className="export-form" onSubmit={submit} aria-label="Export settings">
        <fieldset disabled={running}>
          <legend>Selection</legend>
          <label htmlFor={`${id}-status`}>Samples</label>
          <select
            id={`${id}-status`}
            value={status}
            onChange={(e) => change(setStatus)(e.target.value as ExportStatusChoice)}
          >
            {STATUS_CHOICES.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
          <span className="muted">matching the current filter, across all open logs</span>
        </fieldset>
        {summary ? (
          <SelectionSummary summary={summary} files={files} filesError={filesError} />
        ) : (
          <p className="muted">{loading ? 'Counting…' : null}</p>
        )}
        {summaryError && (
          <p className="error" role="alert">
            {summaryError}
          </p>
        )}
        <fieldset disabled={running}>
          <legend>Target</legend>
          <div className="export-targets" role="radiogroup" aria-label="Export target">
            <label>
              <input
                type="radio"
                name={`${id}-target`}
                checked={!pushing}
                onChange={() => change(setTargetKind)('folder')}
              />{' '}
              Folder on this computer
            </label>
            <label>
              <input
                type="radio"
                name={`${id}-target`}
                checked={pushing}
                onChange={() => change(setTargetKind)('hub')}
              />{' '}
              Push to a Hugging Face Hub dataset
            </label>
          </div>
          <label htmlFor={`${id}-format`}>Layout</label>
          <select
            id={`${id}-format`}
            value={format}
            onChange={(e) => change(setFormat)(e.target.value as ExportFormat)}
          >
            {FORMATS.filter((f) => !pushing || f.value !== 'gradio').map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </select>
          {pushing ? (
            <HubTargetFields id={id} fields={hub} onChange={change(setHub)} />
          ) : (
            <>
              <label htmlFor={`${id}-out`}>Output folder</label>
              <input
                id={`${id}-out`}
                value={outPath}
                onChange={(e) => change(setOut)(e.target.value)}
                spellCheck={false}
              />
              <label className="check">
                <input
                  type="checkbox"
                  checked={overwrite}
                  onChange={(e) => change(setOverwrite)(e.target.checked)}
                />
                Replace the folder if it exists
              </label>
            </>
          )}
        </fieldset>
        <fieldset disabled={running}>
          <legend>Privacy</legend>
          <label htmlFor={`${id}-username`}>Usernames</label>
          <select
            id={`${id}-username`}
            value={privacy.username}
            onChange={(e) =>
              change(setPrivacy)({ ...privacy, username: e.target.value as ExportPrivacy['username'] })
            }
          >
            <option value="keep">Keep as logged</option>
            <option value="pseudonymize">Replace by stable pseudonyms</option>
            <option value="drop">Drop</option>
          </select>
          <label className="check">
            <input
              type="checkbox"
              checked={privacy.stripExif}
              onChange={(e) => change(setPrivacy)({ ...privacy, stripExif: e.target.checked })}
            />
            Remove EXIF metadata (GPS included) from images
          </label>
        </fieldset>
        <ExportProgressView job={job} />
        <div className="export-actions">
          {running ? (
            <button type="button" onClick={cancel}>
              {pushing ? 'Cancel push' : 'Cancel export'}
            </button>
          ) : (
            <>
              <button type="button" onClick={onClose}>
                Close
              </button>
              <button type="submit" className="primary" disabled={!canStart}>
                {pushing ? 'Push' : 'Export'}
              </button>
            </>
          )}
        </div>
      </form>
    </Modal>
  );
}

/** A push carries a dataset layout only: the Gradio folder layout falls back to Parquet. */
function datasetFormatFor(pushing: boolean, format: ExportFormat): ExportFormat {
  return pushing && format === 'gradio' ? ('parquet' satisfies DatasetFormat) : format;
}
