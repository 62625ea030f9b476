// Runs a bundled child script and collects its `ack <n>` lines as they arrive.
import { spawn, type ChildProcess } from 'node:child_process';

export interface RunningChild {
  process: ChildProcess;
  acks: number[];
  /** Resolves when the child printed `line` (or rejects if it exits first). */
  printed(line: string): Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

export function runChild(file: string, args: string[]): RunningChild {
  const child = spawn(process.execPath, [file, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const acks: number[] = [];
  const lines: string[] = [];
  const waiters: { line: string; resolve: () => void }[] = [];
  let buffered = '';
  let stderr = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    buffered += chunk;
    let end: number;
    while ((end = buffered.indexOf('\n')) !== -1) {
      const line = buffered.slice(0, end);
      buffered = buffered.slice(end + 1);
      lines.push(line);
      if (line.startsWith('ack ')) acks.push(Number(line.slice(4)));
      for (const waiter of waiters.filter((w) => w.line === line)) waiter.resolve();
    }
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>(
    (resolve) => child.on('close', (code, signal) => resolve({ code, signal, stderr })),
  );
  const printed = (line: string) =>
    lines.includes(line)
      ? Promise.resolve()
      : new Promise<void>((resolve, reject) => {
          waiters.push({ line, resolve });
          void exited.then(({ code, stderr: err }) =>
            reject(new Error(`child exited (${code}) before "${line}": ${err}`)),
          );
        });
  return { process: child, acks, printed, exited };
}
