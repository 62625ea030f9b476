// `flagdeck review <folder>`: the folded review state, or one edit through the same journal.
import { parseArgs } from '../platform/node-util';
import { ReviewStatus, type ReviewState } from '../../shared/model';
import { notASampleId, SAMPLE_ID } from '../../shared/sample-id';
import type { ReviewPatch } from '../../shared/api';
import type { ReviewService, SampleIdentity } from '../review/review-store';
import { defaultDataDir } from '../review/location';
import { defaultReviewer, openReview } from '../review/open-review';
import { identify, type SampleDirectory } from '../review/sample-directory';
import { logSamples } from '../review/log-samples';
import { UsageError, type Command } from './command';

const usage = `Usage:
  flagdeck review <folder> [--json]
  flagdeck review <folder> --set <sample-id>... [--reason R | --clear-reason | --reset-reason]
                           [--status keep|drop|unsure|unreviewed] [--note N] [--by NAME] [--json]
  flagdeck review <folder> --undo <edit-id> [--by NAME] [--json]

Without --set: prints each sample's review state (--json: a JSON array of
{ "id", "originalReason", "reason", "status", "note" }; "reason" is the reviewer's reason,
or the original where none was given), else counts per status and reason.
With --set: applies one edit to the listed samples (one undo step) through the folder's journal,
and prints its edit id. --undo <edit-id> reverts that edit (any edit in the journal, from any
process) with a new edit; undoing an undo's id redoes.
Sample ids are <log file>#<data row>, e.g. log.csv#3 or .gradio/flagged/dataset1.csv#12.

Options:
  --reason R        set the flag reason        --clear-reason   set "no reason"
  --reset-reason    drop the reviewer's reason (the original stands again)
  --by NAME         reviewer name recorded with the edit (default: your user name)
  --data-dir DIR    where journals of read-only folders go (default: ${defaultDataDir()})
  --review-dir DIR  use this folder for the journal instead of <folder>/.flagdeck`;

export interface SampleReview {
  id: string;
  originalReason: string | null;
  reason: string | null;
  status: ReviewState['status'];
  note: string;
}

export function createReviewCommand(directory: SampleDirectory): Command {
  return {
    name: 'review',
    usage,
    run: (argv) => run(argv, directory),
  };
}

export const reviewCommand = createReviewCommand(logSamples);

async function run(argv: string[], directory: SampleDirectory): Promise<number> {
  const { values, positionals } = parse(argv);
  const [root, ...ids] = positionals;
  if (!root) throw new UsageError('missing <folder>');
  const patch = patchOf(values);
  if (!values.set && (ids.length > 0 || patch))
    throw new UsageError('sample ids and edit options need --set');
  if (values.set && ids.length === 0) throw new UsageError('--set needs at least one sample id');
  const malformed = ids.find((id) => !SAMPLE_ID.test(id));
  if (malformed !== undefined) throw new UsageError(notASampleId(malformed));
  if (values.set && !patch)
    throw new UsageError('--set needs --reason, --clear-reason, --reset-reason, --status or --note');

  const by = values.by ?? defaultReviewer();
  const store = await openReview(root, {
    dataDir: values['data-dir'] ?? defaultDataDir(),
    reviewDir: values['review-dir'],
    reviewer: by,
  });
  try {
    for (const warning of store.warnings()) console.error(`warning: ${warning}`);
    if (values.undo !== undefined) return await undo(store, values.undo, by, values.json ?? false);
    if (values.set && patch) {
      const result = await store.edit(await identify(directory, root, ids), patch, by);
      console.log(
        values.json ? JSON.stringify(result) : `saved edit ${result.editId}: ${result.count} sample(s)`,
      );
      return 0;
    }
    const samples = await directory.allSamples(root);
    reportOrphans(store, samples);
    const reviews = samples.map((sample) => reviewOf(sample, store.get(sample.id, sample.rowHash)));
    console.log(values.json ? JSON.stringify(reviews, null, 2) : summary(reviews, store));
    return 0;
  } finally {
    await store.close();
  }
}

/** Reverts an edit by id (a workspace step's id joins several with `+`). */
async function undo(store: ReviewService, editIds: string, by: string, json: boolean): Promise<number> {
  const done: string[] = [];
  for (const editId of editIds.split('+').reverse()) {
    const reverted = await store.revert(editId, by);
    if (reverted) done.push(reverted);
  }
  const editId = done.length > 0 ? done.join('+') : null;
  if (json) console.log(JSON.stringify({ editId }));
  else
    console.log(
      editId
        ? `undid ${editIds} with edit ${editId}`
        : `nothing to undo for ${editIds} (unknown id, or every field it set has changed since)`,
    );
  return editId ? 0 : 1;
}

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean' },
        set: { type: 'boolean' },
        undo: { type: 'string' },
        reason: { type: 'string' },
        'clear-reason': { type: 'boolean' },
        'reset-reason': { type: 'boolean' },
        status: { type: 'string' },
        note: { type: 'string' },
        by: { type: 'string' },
        'data-dir': { type: 'string' },
        'review-dir': { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function patchOf(values: ReturnType<typeof parse>['values']): ReviewPatch | undefined {
  const reasonFlags = [values.reason !== undefined, values['clear-reason'], values['reset-reason']].filter(
    Boolean,
  );
  if (reasonFlags.length > 1)
    throw new UsageError('give only one of --reason, --clear-reason, --reset-reason');
  const patch: ReviewPatch = {};
  if (values.reason !== undefined) patch.reason = values.reason;
  if (values['clear-reason']) patch.reason = null;
  if (values['reset-reason']) patch.resetReason = true;
  if (values.status !== undefined) {
    const status = ReviewStatus.safeParse(values.status);
    if (!status.success)
      throw new UsageError(
        `--status must be one of ${ReviewStatus.options.join(', ')}, not "${values.status}"`,
      );
    patch.status = status.data;
  }
  if (values.note !== undefined) patch.note = values.note;
  return Object.keys(patch).length > 0 ? patch : undefined;
}

export function reviewOf(sample: SampleIdentity, review: ReviewState | undefined): SampleReview {
  const reason = review && review.reason !== undefined ? review.reason : sample.originalReason;
  return {
    id: sample.id,
    originalReason: sample.originalReason,
    reason: reason ?? null,
    status: review?.status ?? 'unreviewed',
    note: review?.note ?? '',
  };
}

function reportOrphans(store: ReviewService, samples: SampleIdentity[]): void {
  const current = new Map(samples.map((sample) => [sample.id, sample.rowHash]));
  const orphans = store.orphans((id) => current.get(id));
  if (orphans.length === 0) return;
  const listed = orphans
    .slice(0, 5)
    .map((o) => `${o.id} (${o.kind === 'missing' ? 'row gone' : 'row changed'})`);
  console.error(
    `warning: ${orphans.length} reviewed sample(s) no longer match their log row and are not applied: ${listed.join(', ')}${orphans.length > 5 ? ', …' : ''}`,
  );
}

function summary(reviews: SampleReview[], store: ReviewService): string {
  const count = (key: (r: SampleReview) => string) => {
    const counts = new Map<string, number>();
    for (const review of reviews) counts.set(key(review), (counts.get(key(review)) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1]).map(([name, n]) => `  ${String(n).padStart(7)}  ${name}`);
  };
  return [
    `${reviews.length} samples; journal: ${store.location.journal}${store.location.reason ? ` (${store.location.reason})` : ''}`,
    'status:',
    ...count((r) => r.status),
    'reason:',
    ...count((r) => (r.reason === null ? '(none)' : JSON.stringify(r.reason))),
  ].join('\n');
}
