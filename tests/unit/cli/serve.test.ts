import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { UsageError } from '../../../src/main/cli/command';
import { serveCommand } from '../../../src/main/cli/serve';

let base: string;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'flagdeck-serve-cli-'));
  await writeFile(join(base, 'log.csv'), 'text,flag,username,timestamp\r\nhello,,,2026-11-25 10:00:00\r\n');
  vi.stubEnv('XDG_DATA_HOME', join(base, 'data'));
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await rm(base, { recursive: true, force: true });
});

describe('flagdeck serve: command line', () => {
  it.each([
    [['--port', 'eighty'], '--port wants a number from 0 to 65535, not "eighty"'],
    [['--port', '70000'], '--port wants a number from 0 to 65535, not "70000"'],
    [['--bogus'], "Unknown option '--bogus'"],
  ])('refuses %j', async (argv, message) => {
    await expect(serveCommand.run(argv)).rejects.toThrow(UsageError);
    await expect(serveCommand.run(argv)).rejects.toThrow(message);
  });

  it('names a folder that is missing or a file', async () => {
    await expect(serveCommand.run([join(base, 'nope')])).rejects.toThrow(
      `no such folder: ${join(base, 'nope')}`,
    );
    await expect(serveCommand.run([join(base, 'log.csv')])).rejects.toThrow(
      /not a folder: .*log\.csv \(give the flagging folder/,
    );
  });

  it('prints exactly one line with the address and token, serves, and stops on SIGTERM', async () => {
    vi.stubEnv('FLAGDECK_TOKEN', 'fixed-token-fixed-token-fixed-token');
    const lines: string[] = [];
    const print = vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
    const running = serveCommand.run([base, '--port', '0']);
    await vi.waitFor(() => expect(lines).toHaveLength(1), { timeout: 10_000 });
    const match =
      /^Flagdeck serving at (http:\/\/127\.0\.0\.1:\d+)\/\?token=fixed-token-fixed-token-fixed-token$/.exec(
        lines[0],
      );
    expect(match).not.toBeNull();
    const reply = await fetch(`${match?.[1]}/api/samples.query`, {
      method: 'POST',
      headers: { Authorization: 'Bearer fixed-token-fixed-token-fixed-token' },
      body: JSON.stringify({ offset: 0, limit: 10 }),
    });
    const body = (await reply.json()) as { value: { total: number; rows: { cells: { text: string }[] }[] } };
    expect(body.value.total).toBe(1);
    expect(body.value.rows[0].cells[0].text).toBe('hello');
    process.emit('SIGTERM');
    await expect(running).resolves.toBe(0);
    expect(lines).toHaveLength(1);
    print.mockRestore();
  });
});
