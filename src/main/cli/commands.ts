import type { Command } from './command';
import { inspectCommand } from './inspect';
import { reviewCommand } from './review';
import { serveCommand } from './serve';

// Each subcommand lives in its own file; register it here.
export const commands: Command[] = [inspectCommand, reviewCommand, serveCommand];
