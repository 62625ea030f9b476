import type { Command } from './command';
import { inspectCommand } from './inspect';

// Each subcommand lives in its own file; register it here.
export const commands: Command[] = [inspectCommand];
