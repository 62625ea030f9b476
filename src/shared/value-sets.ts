// The contract's fixed sets of values, without zod: the CLI checks its options against them and
// loads zod only when it validates a file, since building zod's schemas costs a short command
// 30-50 ms. model.ts, replay.ts and query-api.ts make their enums from these.

export const REVIEW_STATUSES = ['unreviewed', 'keep', 'drop', 'unsure'] as const;

export const REPLAY_OUTCOMES = ['same', 'changed', 'error', 'skipped'] as const;

/** A replay outcome, or `none`: not replayed in the run shown. In the order a reader thinks of them. */
export const REPLAY_MARKS = [...REPLAY_OUTCOMES, 'none'] as const;

/** Whether `value` is one of `values` (and typed so). */
export function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}
