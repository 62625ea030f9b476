// Replay: a folder's flagged inputs sent again to a live Gradio app, and how each answer compares
// with the output Gradio logged. Shared by the CLI, both hosts and the renderer.
import { z } from 'zod';
import { REPLAY_OUTCOMES } from './value-sets';

/** `same`: the app now answers what was flagged; `changed`: it answers differently. */
export const ReplayOutcome = z.enum(REPLAY_OUTCOMES);
export type ReplayOutcome = z.infer<typeof ReplayOutcome>;

/** One input or output of an endpoint, as the app's API description names it. */
export const EndpointSlot = z.object({
  /** The component's label (Gradio's CSV header for that component), else the parameter name. */
  label: z.string(),
  /** The Python parameter name (inputs only). */
  name: z.string().optional(),
  /** Gradio component, e.g. `Textbox`, `Image`, `Label`. */
  component: z.string(),
});
export type EndpointSlot = z.infer<typeof EndpointSlot>;

export const Endpoint = z.object({
  apiName: z.string(),
  inputs: z.array(EndpointSlot),
  outputs: z.array(EndpointSlot),
});
export type Endpoint = z.infer<typeof Endpoint>;

/** Which log column feeds each input, and which log column holds the flagged value of each output. */
export const ReplayMapping = z.object({
  /** input label -> log column */
  inputs: z.record(z.string(), z.string()),
  /** output label -> log column (an output without a column is stored but not compared) */
  outputs: z.record(z.string(), z.string()),
});
export type ReplayMapping = z.infer<typeof ReplayMapping>;

export const ReplayConnection = z.object({
  app: z.string(),
  /** The Gradio version the app reports, when its config says. */
  gradioVersion: z.string().nullable(),
  endpoints: z.array(Endpoint),
});
export type ReplayConnection = z.infer<typeof ReplayConnection>;

/** One replayed output: its value (files: paths relative to the run folder) and the comparison. */
export const ReplayedOutput = z.object({
  label: z.string(),
  column: z.string().nullable(),
  component: z.string(),
  value: z.unknown(),
  /** Output files saved beside results.jsonl, relative to the run folder. */
  files: z.array(z.string()),
  same: z.boolean().nullable(),
  /** How `same` was decided, and figures shown beside it (e.g. a perceptual-hash distance). */
  rule: z.string(),
  detail: z.string().optional(),
});
export type ReplayedOutput = z.infer<typeof ReplayedOutput>;

/** One line of results.jsonl. */
export const ReplayResult = z.object({
  id: z.string(),
  rowHash: z.string(),
  outcome: ReplayOutcome,
  outputs: z.array(ReplayedOutput),
  durationMs: z.number().nonnegative(),
  /** Why the sample errored or was skipped. */
  error: z.string().optional(),
  /** Calls sent again after the app could not be reached or its queue was full. */
  retries: z.number().int().nonnegative().optional(),
  at: z.string(),
});
export type ReplayResult = z.infer<typeof ReplayResult>;

export const ReplayCounts = z.object({
  replayed: z.number().int().nonnegative(),
  same: z.number().int().nonnegative(),
  changed: z.number().int().nonnegative(),
  errors: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
});
export type ReplayCounts = z.infer<typeof ReplayCounts>;

/** How long one call may go unanswered (queue time included) before it is cancelled and retried. */
export const DEFAULT_TIMEOUT_SECONDS = 120;
export const TimeoutSeconds = z.number().positive().max(86_400);

/** run.json */
export const ReplayRunInfo = z.object({
  run: z.string(),
  folder: z.string(),
  app: z.string(),
  endpoint: z.string(),
  gradioVersion: z.string().nullable(),
  mapping: ReplayMapping,
  /** The sample ids selected, in order (a resume replays those without a result). */
  samples: z.array(z.string()),
  concurrency: z.number().int().positive(),
  /** The per-call timeout the run was started with (runs before it existed: the default). */
  timeoutSeconds: TimeoutSeconds.optional(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  /** `finished`, `cancelled`, `interrupted` (the app stopped answering), or `running`. */
  state: z.enum(['running', 'finished', 'cancelled', 'interrupted']),
  message: z.string().optional(),
});
export type ReplayRunInfo = z.infer<typeof ReplayRunInfo>;

export const ReplayRunSummary = ReplayRunInfo.omit({ samples: true, mapping: true }).extend({
  total: z.number().int().nonnegative(),
  counts: ReplayCounts,
});
export type ReplayRunSummary = z.infer<typeof ReplayRunSummary>;

export const ReplayProgress = z.object({
  folderId: z.string(),
  run: z.string(),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  counts: ReplayCounts,
});
export type ReplayProgress = z.infer<typeof ReplayProgress>;

export const ReplayFinished = z.object({
  folderId: z.string(),
  run: z.string(),
  state: ReplayRunInfo.shape.state,
  counts: ReplayCounts,
  message: z.string().optional(),
});
export type ReplayFinished = z.infer<typeof ReplayFinished>;

/** How `same` is decided for each kind of output; the UI states these. */
export const COMPARISON_RULES: Record<string, string> = {
  text: 'same text, character for character',
  number: 'same number',
  json: 'same JSON value',
  label: 'same top label (confidences shown, not compared)',
  image: 'same pixels after decoding (perceptual-hash distance shown, and how many pixels differ)',
  audio: 'same samples after decoding',
  chat: 'same messages (role and text)',
  file: 'same bytes',
};
