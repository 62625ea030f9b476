// The command line of `flagdeck query`, read into the workspace's own filter and sort. Flags that
// name a column or a time are checked against the opened logs once they are known (checkAgainst).
import { parseArgs } from '../platform/node-util';
import type { SampleFilter, SampleSort } from '../../shared/api';
import type { ReviewStatus } from '../../shared/model';
import { isOneOf, REPLAY_MARKS, REVIEW_STATUSES } from '../../shared/value-sets';
import { timestampBound } from '../scan/timestamp-key';
import { UsageError } from './command';

export interface QueryArgs {
  folders: string[];
  filter: SampleFilter;
  sort?: SampleSort;
  offset: number;
  limit: number;
  json: boolean;
}

/** Sort keys that are not column names: the sample's own fields. */
export const SAMPLE_SORTS = ['ordinal', 'log', 'status', 'reason', 'originalReason', 'username', 'timestamp'];

export const DEFAULT_LIMIT = 50;

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        search: { type: 'string' },
        reason: { type: 'string', multiple: true },
        'original-reason': { type: 'string', multiple: true },
        status: { type: 'string', multiple: true },
        user: { type: 'string', multiple: true },
        from: { type: 'string' },
        to: { type: 'string' },
        where: { type: 'string', multiple: true },
        replay: { type: 'string', multiple: true },
        'replay-run': { type: 'string' },
        sort: { type: 'string' },
        offset: { type: 'string' },
        limit: { type: 'string' },
        json: { type: 'boolean' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function count(flag: string, text: string | undefined, fallback: number, least: number): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text) || Number(text) < least) {
    throw new UsageError(`${flag} must be a whole number of at least ${least}, not "${text}"`);
  }
  return Number(text);
}

const TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?)?$/;

/** A time written as Gradio writes it, each part in its range (the filter alone would match nothing). */
function isTime(text: string): boolean {
  const parts = TIME.exec(text.trim());
  if (!parts) return false;
  const [month, day, hour, minute, second] = parts.slice(2).map((part) => Number(part ?? 0));
  const inRange = month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour < 24 && minute < 60;
  return inRange && second < 60 && !Number.isNaN(timestampBound(text, 'from'));
}

function time(flag: string, text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  if (!isTime(text)) {
    throw new UsageError(
      `${flag} "${text}" is not a time: write YYYY-MM-DD, YYYY-MM-DD HH:MM or YYYY-MM-DD HH:MM:SS (local time, as Gradio writes it)`,
    );
  }
  return text;
}

function statuses(values: string[] | undefined): ReviewStatus[] | undefined {
  return values?.map((status) => {
    if (!isOneOf(REVIEW_STATUSES, status)) {
      throw new UsageError(`unknown --status "${status}" (one of ${REVIEW_STATUSES.join(', ')})`);
    }
    return status;
  });
}

/** `--reason ""` (or `--user ""`) asks for samples with none, as the UI's "(none)". */
const orNone = (values: string[] | undefined) => values?.map((value) => (value === '' ? null : value));

/** `--where col=value` flags; the same column given twice matches either value. */
function whereOf(values: string[] | undefined): SampleFilter['columns'] {
  if (!values) return undefined;
  const byColumn = new Map<string, string[]>();
  for (const clause of values) {
    const at = clause.indexOf('=');
    if (at <= 0) throw new UsageError(`--where "${clause}" must be written <column>=<value>`);
    const column = clause.slice(0, at);
    byColumn.set(column, [...(byColumn.get(column) ?? []), clause.slice(at + 1)]);
  }
  return [...byColumn].map(([column, wanted]) => ({ column, values: wanted }));
}

/** `--replay` outcomes and `--replay-run`: the UI's replay filter (absent run: each folder's latest). */
function replayOf(outcomes: string[] | undefined, run: string | undefined): SampleFilter['replay'] {
  const marks = outcomes?.map((outcome) => {
    if (!isOneOf(REPLAY_MARKS, outcome)) {
      throw new UsageError(`unknown --replay "${outcome}" (one of ${REPLAY_MARKS.join(', ')})`);
    }
    return outcome;
  });
  if (run === '') throw new UsageError('--replay-run needs a run id (flagdeck replay <folder> --list)');
  if (marks === undefined && run === undefined) return undefined;
  return { ...(run !== undefined ? { run } : {}), ...(marks ? { outcomes: marks } : {}) };
}

function sortOf(text: string | undefined): SampleSort | undefined {
  if (text === undefined) return undefined;
  const desc = text.endsWith(':desc');
  const by = desc ? text.slice(0, -':desc'.length) : text.endsWith(':asc') ? text.slice(0, -4) : text;
  if (by === '') throw new UsageError('--sort needs a column name: --sort <column>[:desc]');
  return { by, dir: desc ? 'desc' : 'asc' };
}

export function parseQueryArgs(argv: string[]): QueryArgs {
  const { values, positionals } = parse(argv);
  if (positionals.length === 0) throw new UsageError('give at least one flagging folder');
  const filter: SampleFilter = {
    text: values.search === '' ? undefined : values.search,
    reasons: orNone(values.reason),
    originalReasons: orNone(values['original-reason']),
    statuses: statuses(values.status),
    usernames: orNone(values.user),
    from: time('--from', values.from),
    to: time('--to', values.to),
    columns: whereOf(values.where),
    replay: replayOf(values.replay, values['replay-run']),
  };
  for (const key of Object.keys(filter) as (keyof SampleFilter)[]) {
    if (filter[key] === undefined) delete filter[key];
  }
  return {
    folders: positionals,
    filter,
    sort: sortOf(values.sort),
    offset: count('--offset', values.offset, 0, 0),
    limit: count('--limit', values.limit, DEFAULT_LIMIT, 1),
    json: values.json ?? false,
  };
}

/** Refuses a `--sort` or `--where` column that none of the opened logs has, listing those they have. */
export function checkColumns(args: QueryArgs, columns: ReadonlySet<string>): void {
  const known = () => [...columns].map((name) => JSON.stringify(name)).join(', ');
  for (const { column } of args.filter.columns ?? []) {
    if (!columns.has(column))
      throw new UsageError(`--where: no column "${column}" in these logs (columns: ${known()})`);
  }
  const by = args.sort?.by;
  if (by !== undefined && !SAMPLE_SORTS.includes(by) && !columns.has(by)) {
    throw new UsageError(
      `--sort: no column "${by}" in these logs (columns: ${known()}; or one of ${SAMPLE_SORTS.join(', ')})`,
    );
  }
}
