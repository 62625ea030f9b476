// What `snapshot.json` must hold (snapshot.ts), as zod checks it: loaded when a snapshot is read,
// so that opening a folder nobody reviewed yet does not load zod.
import { z } from 'zod';
import { ReviewStatus } from '../../shared/model';

const field = <T extends z.ZodType>(value: T) =>
  z.object({ value, at: z.string(), by: z.string(), edit: z.string() });

export const Snapshot = z.object({
  v: z.literal(1),
  offset: z.number().int().nonnegative(),
  lines: z.number().int().nonnegative(),
  tailHash: z.string(),
  samples: z.array(
    z.object({
      id: z.string(),
      rowHash: z.string(),
      reason: field(z.string().nullable().optional()).optional(),
      status: field(ReviewStatus).optional(),
      note: field(z.string()).optional(),
    }),
  ),
});
export type Snapshot = z.infer<typeof Snapshot>;
