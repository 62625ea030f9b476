// Starts `flagdeck serve` as a child process (the real CLI from `out/`, built by `npm test`) and
// reads its one announced line to learn the URL and token.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { repoRoot } from './paths';

export interface ServeHandle {
  /** The page URL with the token, as printed: `http://127.0.0.1:<port>/?token=<token>`. */
  url: string;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  port: number;
  token: string;
  /** Everything the server printed so far (stdout and stderr), for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

export interface ServeOptions {
  /** Extra command-line arguments (e.g. `['--host', '0.0.0.0']`). */
  args?: string[];
  env?: Record<string, string>;
  timeoutMs?: number;
}

const announced = /^Flagdeck serving at (http:\/\/[^/\s]+)\/\?token=(\S+)$/m;

/** `flagdeck serve <folders…> --port 0`; resolves once the server has announced itself. */
export function startServe(folders: string[], options: ServeOptions = {}): Promise<ServeHandle> {
  const bin = resolve(repoRoot, 'bin/flagdeck.mjs');
  // Each server gets its own data dir (recent folders, journals of read-only folders), so tests
  // neither see nor leave state in the user's.
  const dataHome = mkdtempSync(join(tmpdir(), 'flagdeck-e2e-data-'));
  const child = spawn(process.execPath, [bin, 'serve', ...folders, '--port', '0', ...(options.args ?? [])], {
    cwd: repoRoot,
    env: { ...process.env, XDG_DATA_HOME: dataHome, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));

  return new Promise<ServeHandle>((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(`flagdeck serve did not announce itself within ${options.timeoutMs ?? 20_000} ms:\n${log}`),
      );
    }, options.timeoutMs ?? 20_000);
    const onData = (): void => {
      const match = announced.exec(log);
      if (!match) return;
      clearTimeout(timer);
      child.stdout.off('data', onData);
      const origin = match[1];
      resolvePromise({
        url: `${origin}/?token=${match[2]}`,
        origin,
        port: Number(new URL(origin).port),
        token: match[2],
        output: () => log,
        stop: () => stop(child).finally(() => rmSync(dataHome, { recursive: true, force: true })),
      });
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      rmSync(dataHome, { recursive: true, force: true });
      reject(new Error(`flagdeck serve exited with code ${code} before announcing itself:\n${log}`));
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolvePromise) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(force);
      resolvePromise();
    });
    child.kill('SIGTERM');
  });
}
