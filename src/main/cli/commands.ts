import type { Command } from './command';

// Each subcommand lives in its own file; register it here.
export const commands: Command[] = [];
