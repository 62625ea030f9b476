// The flagged output and the replayed one side by side, for one sample: text with a word diff,
// labels with both sets of confidence bars, images and audio side by side, chat transcripts; each
// with the verdict and the rule that decided it.
import { useEffect, useState } from 'react';
import type { Cell, FolderInfo, SampleRow } from '../../../shared/model';
import type { ReplayedOutput, ReplayResult } from '../../../shared/replay';
import { useApi } from './api-context';
import { cellValue, parseChat, parseLabel, type LabelValue } from './cell-values';
import { LabelPreview } from './label-preview';
import { wordDiff } from './word-diff';

interface Props {
  folder: FolderInfo;
  run: string;
  id: string;
  /** The sample's row when the caller has it (the detail pane), else it is fetched. */
  row?: SampleRow;
  /** What the heading names before the verdict (default: the sample id). */
  heading?: string;
}

interface Loaded {
  row: SampleRow;
  result: ReplayResult | null;
  filesBase: string | null;
}

export function ReplayComparison({ folder, run, id, row: known, heading }: Props): React.JSX.Element {
  const { client } = useApi();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void Promise.all([
      known ?? client.call('samples.get', { folderId: folder.id, id }),
      client.call('replay.result', { folderId: folder.id, run, id }),
    ]).then(
      ([row, { result, filesBase }]) => live && setLoaded({ row, result, filesBase }),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [client, folder.id, run, id, known]);
  if (error) return <p className="error">{error}</p>;
  if (!loaded) return <p className="muted">Loading {id}…</p>;
  const { row, result } = loaded;
  if (!result) return <p className="muted">{id} has no result in this run.</p>;
  if (result.rowHash !== row.rowHash) {
    // The result was made from the row as it was then: it does not describe the row shown now.
    return (
      <p className="muted" data-testid="replay-stale">
        {id} has no result for its current row: the log was rewritten since this run replayed it. Replay it
        again to compare.
      </p>
    );
  }
  const columns = folder.logs.find((log) => log.file === row.log)?.columns ?? [];
  const cellOf = (name: string | null): Cell | undefined =>
    name === null ? undefined : row.cells[columns.find((c) => c.name === name)?.index ?? -1];
  return (
    <section className="replay-comparison" data-testid="replay-comparison" aria-label={`Replay of ${id}`}>
      <h3>
        {heading ?? id} <span className={`outcome outcome-${result.outcome}`}>{result.outcome}</span>
      </h3>
      {result.error && <p className="replay-reason">{result.error}</p>}
      {result.outputs.map((output) => (
        <OutputPair
          key={output.label}
          folderId={folder.id}
          output={output}
          flagged={cellOf(output.column)}
          filesBase={loaded.filesBase}
        />
      ))}
    </section>
  );
}

interface PairProps {
  folderId: string;
  output: ReplayedOutput;
  flagged: Cell | undefined;
  filesBase: string | null;
}

function OutputPair({ folderId, output, flagged, filesBase }: PairProps): React.JSX.Element {
  const verdict = output.same === null ? 'not compared' : output.same ? 'same' : 'changed';
  return (
    <div className="replay-output">
      <div className="replay-verdict">
        <strong>{output.label}</strong> <span className={`outcome outcome-${verdict}`}>{verdict}</span>{' '}
        <span className="muted">
          rule: {output.rule}
          {output.detail ? ` · ${output.detail}` : ''}
        </span>
      </div>
      <div className="replay-sides">
        <figure>
          <figcaption>Flagged</figcaption>
          <FlaggedSide folderId={folderId} output={output} cell={flagged} />
        </figure>
        <figure>
          <figcaption>Replayed</figcaption>
          <ReplayedSide folderId={folderId} output={output} cell={flagged} filesBase={filesBase} />
        </figure>
      </div>
    </div>
  );
}

function FlaggedSide({ folderId, output, cell }: { folderId: string; output: ReplayedOutput; cell?: Cell }) {
  const { mediaUrl } = useApi();
  if (!cell) return <span className="muted">no column</span>;
  const asset = cell.assets.find((a) => a.status === 'resolved' && a.path);
  if (asset?.path && (output.component === 'Image' || output.component === 'Audio')) {
    return <Media kind={output.component} src={mediaUrl(folderId, asset.path)} alt="flagged output" />;
  }
  if (output.component === 'Label') return <LabelBars value={parseLabel(cellValue(cell), cell.text)} />;
  if (output.component === 'Chatbot') return <Transcript value={cellValue(cell)} />;
  return <DiffText before={cell.text} after={textOf(output.value)} side="before" />;
}

function ReplayedSide({
  folderId,
  output,
  cell,
  filesBase,
}: Omit<PairProps, 'flagged'> & { cell: Cell | undefined }) {
  const { mediaUrl } = useApi();
  const [file] = output.files;
  if (file && (output.component === 'Image' || output.component === 'Audio')) {
    if (filesBase === null) return <span className="muted">saved outside the folder: {file}</span>;
    return (
      <Media kind={output.component} src={mediaUrl(folderId, `${filesBase}/${file}`)} alt="replayed output" />
    );
  }
  if (output.component === 'Label')
    return <LabelBars value={parseLabel(output.value, textOf(output.value))} />;
  if (output.component === 'Chatbot') return <Transcript value={output.value} />;
  return <DiffText before={cell?.text ?? ''} after={textOf(output.value)} side="after" />;
}

function Media({ kind, src, alt }: { kind: string; src: string; alt: string }): React.JSX.Element {
  if (kind === 'Audio') return <audio controls src={src} aria-label={alt} />;
  return <img className="replay-image" src={src} alt={alt} />;
}

function LabelBars({ value }: { value: LabelValue | null }): React.JSX.Element {
  if (!value) return <span className="muted">no label</span>;
  return <LabelPreview value={value} />;
}

function Transcript({ value }: { value: unknown }): React.JSX.Element {
  const messages = parseChat(value);
  if (!messages) return <pre>{textOf(value)}</pre>;
  return (
    <ol className="replay-transcript">
      {messages.map((message, index) => (
        <li key={index} className={`chat-${message.role}`}>
          <b>{message.role}</b>{' '}
          {message.parts.map((part) => (part.kind === 'text' ? part.text : `[file ${part.ref}]`)).join(' ')}
        </li>
      ))}
    </ol>
  );
}

function DiffText({ before, after, side }: { before: string; after: string; side: 'before' | 'after' }) {
  const parts = wordDiff(before, after).filter(
    (part) => part.change !== (side === 'before' ? 'added' : 'removed'),
  );
  return (
    <p className="replay-text">
      {parts.map((part, index) =>
        part.change === 'same' ? (
          <span key={index}>{part.text}</span>
        ) : part.change === 'removed' ? (
          <del key={index}>{part.text}</del>
        ) : (
          <ins key={index}>{part.text}</ins>
        ),
      )}
    </p>
  );
}

function textOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
