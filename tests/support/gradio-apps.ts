// The small real Gradio apps of the replay tests (tests/support/gradio-apps/replay_apps.py), run
// with the Gradio of FLAGDECK_GRADIO_PYTHON, else the repository's .venv-gradio
// (scripts/gradio-env.sh makes it). Tests that need them are skipped, saying why, without.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const repoPython = join(import.meta.dirname, '../../.venv-gradio/bin/python');
const script = join(import.meta.dirname, 'gradio-apps/replay_apps.py');

export const gradioPython: string | undefined =
  process.env.FLAGDECK_GRADIO_PYTHON ?? (existsSync(repoPython) ? repoPython : undefined);

export const NO_GRADIO =
  'no Python with Gradio: run scripts/gradio-env.sh or set FLAGDECK_GRADIO_PYTHON (replay tests skipped)';

export type AppName = 'text' | 'image' | 'label' | 'audio' | 'chat';

export interface RunningApps {
  gradio: string;
  /** App name -> base URL of version 2. */
  apps: Partial<Record<AppName, string>>;
  /** App name -> the flagging folder version 1 wrote, and what was flagged (text or file name). */
  flagged: Partial<Record<AppName, { folder: string; flagged: string[] }>>;
  stop(): Promise<void>;
}

export interface AppOptions {
  apps: AppName[];
  /** Flag version 1's samples into `<flagInto>/<app>/` first. */
  flagInto?: string;
  serve?: boolean;
  /** Seconds every call sleeps (a slow app). */
  delay?: number;
  /** One call at a time and this many waiting: the app refuses more ("queue is full"). */
  queueSize?: number;
  /** Seconds the text app's first call for each input sleeps (later calls answer at once). */
  stallFirst?: number;
}

/** Starts one Python process (one Gradio import) for all the apps; resolves once they listen. */
export function startApps(options: AppOptions): Promise<RunningApps> {
  if (!gradioPython) throw new Error(NO_GRADIO);
  const args = [script, '--apps', options.apps.join(',')];
  if (options.flagInto) args.push('--flag-into', options.flagInto);
  if (options.serve !== false) args.push('--serve');
  if (options.delay) args.push('--delay', String(options.delay));
  if (options.queueSize) args.push('--queue-size', String(options.queueSize));
  if (options.stallFirst) args.push('--stall-first', String(options.stallFirst));
  const child = spawn(gradioPython, args, {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, GRADIO_ANALYTICS_ENABLED: 'False', NO_PROXY: '127.0.0.1,localhost' },
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      if (!line.startsWith('{')) return;
      const report = JSON.parse(line) as Omit<RunningApps, 'stop'>;
      resolve({
        gradio: report.gradio,
        apps: report.apps ?? {},
        flagged: report.flagged ?? {},
        stop: () => stopChild(child),
      });
    });
    child.on('exit', (code) =>
      reject(new Error(`the Gradio apps exited (${code}) before listening:\n${stderr}`)),
    );
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}
