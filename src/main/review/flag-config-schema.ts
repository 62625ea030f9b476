// What `config.json` must hold (flag-options.ts), as zod checks it: loaded when the file is read, so
// that opening a folder without one does not load zod. Other settings in the file are kept.
import { z } from 'zod';
import { CustomFlagOption } from '../../shared/api';

export const FlagConfig = z.looseObject({ flagOptions: z.array(CustomFlagOption).optional() });
export type FlagConfig = z.infer<typeof FlagConfig>;
