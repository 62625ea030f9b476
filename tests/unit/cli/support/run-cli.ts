// The `flagdeck` command as a user runs it: src/main/cli.ts bundled to one file (packages left to
// node_modules, as in the built app) and started as its own process.
import { spawn } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'rolldown';

const root = join(import.meta.dirname, '../../../..');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface Cli {
  run(args: string[], env?: Record<string, string>): Promise<CliRun>;
  remove(): Promise<void>;
}

/** Bundles the CLI under node_modules/.cache (so its packages resolve) in a folder of its own. */
export async function bundleCli(name: string): Promise<Cli> {
  const dir = join(root, 'node_modules/.cache', `flagdeck-cli-${name}-${process.pid}`);
  await mkdir(dir, { recursive: true });
  const file = join(dir, 'cli.mjs');
  await build({
    input: join(root, 'src/main/cli.ts'),
    platform: 'node',
    external: [/^node:/, /^[^./]/],
    output: { file, format: 'esm', codeSplitting: false },
    logLevel: 'silent',
  });
  return {
    run: (args, env = {}) =>
      new Promise((resolve) => {
        const child = spawn(process.execPath, [file, ...args], { env: { ...process.env, ...env } });
        let stdout = '';
        let stderr = '';
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
        child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
        child.on('close', (code) => resolve({ code, stdout, stderr }));
      }),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
