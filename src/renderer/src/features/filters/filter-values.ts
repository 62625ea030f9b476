// Filter fields as the filter bar edits them: one value per select, `null` (no reason / no user)
// encoded so it survives an HTML <select>.
import type { ReplayMark, SampleFilter } from '../../../../shared/api';
import type { ReviewStatus } from '../../../../shared/model';

export const NONE = '\u0000none';
export const ANY = '';

export const encodeNullable = (v: string | null): string => (v === null ? NONE : v);
export const decodeNullable = (v: string): string | null => (v === NONE ? null : v);

type ListKey = 'reasons' | 'originalReasons' | 'usernames';

/** The select's value for a list field of the filter (first entry, or "any"). */
export function selectValue(filter: SampleFilter, key: ListKey): string {
  const list = filter[key];
  return list && list.length > 0 ? encodeNullable(list[0]) : ANY;
}

export function withList(filter: SampleFilter, key: ListKey, value: string): SampleFilter {
  const next = { ...filter };
  if (value === ANY) delete next[key];
  else next[key] = [decodeNullable(value)];
  return next;
}

export function withStatus(filter: SampleFilter, value: string): SampleFilter {
  const next = { ...filter };
  if (value === ANY) delete next.statuses;
  else next.statuses = [value as ReviewStatus];
  return next;
}

export function withLog(filter: SampleFilter, value: string): SampleFilter {
  const next = { ...filter };
  if (value === ANY) delete next.logs;
  else next.logs = [value];
  return next;
}

/** One folder's samples (its own columns), or every folder's; a log of another folder is dropped. */
export function withFolder(filter: SampleFilter, value: string): SampleFilter {
  const next = { ...filter };
  delete next.logs;
  if (value === ANY) delete next.folderIds;
  else next.folderIds = [value];
  return next;
}

/** Only samples with a note, or any (a "no note" filter is not offered: search covers that need). */
export function withHasNote(filter: SampleFilter, on: boolean): SampleFilter {
  const next = { ...filter };
  if (on) next.hasNote = true;
  else delete next.hasNote;
  return next;
}

export function withText(filter: SampleFilter, text: string): SampleFilter {
  const next = { ...filter };
  if (text.trim() === '') delete next.text;
  else next.text = text;
  return next;
}

/** `from`/`to` from date inputs; `to` covers its whole day (the filter's range is inclusive). */
export function withDates(filter: SampleFilter, from: string, to: string): SampleFilter {
  const next = { ...filter };
  if (from) next.from = from;
  else delete next.from;
  if (to) next.to = `${to} 23:59:59`;
  else delete next.to;
  return next;
}

/** The replay outcome wanted (`none`: not replayed in the run shown), keeping the run chosen. */
export function withReplayOutcome(filter: SampleFilter, value: string): SampleFilter {
  const { outcomes, ...rest } = filter.replay ?? {};
  void outcomes;
  return withReplay(filter, value === ANY ? rest : { ...rest, outcomes: [value as ReplayMark] });
}

/** The run the `replay` column shows (ANY: each folder's latest), keeping the outcome wanted. */
export function withReplayRun(filter: SampleFilter, value: string): SampleFilter {
  const { run, ...rest } = filter.replay ?? {};
  void run;
  return withReplay(filter, value === ANY ? rest : { ...rest, run: value });
}

function withReplay(filter: SampleFilter, replay: NonNullable<SampleFilter['replay']>): SampleFilter {
  const next = { ...filter };
  if (replay.run === undefined && replay.outcomes === undefined) delete next.replay;
  else next.replay = replay;
  return next;
}

export const dateOf = (stamp: string | undefined): string => (stamp ? stamp.slice(0, 10) : '');

export function activeFilterCount(filter: SampleFilter): number {
  const keys: (keyof SampleFilter)[] = [
    'reasons',
    'originalReasons',
    'statuses',
    'usernames',
    'logs',
    'text',
    'hasNote',
    'from',
    'to',
    'replay',
  ];
  return keys.filter((k) => filter[k] !== undefined).length;
}
