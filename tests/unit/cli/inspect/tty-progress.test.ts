import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ttyProgress } from '../../../../src/main/cli/inspect/tty-progress';

function fakeStream(isTTY: boolean): {
  get: () => NodeJS.WriteStream;
  made: () => number;
  text: () => string;
} {
  let made = 0;
  let text = '';
  const stream = {
    isTTY,
    write: (chunk: string) => ((text += chunk), true),
  } as unknown as NodeJS.WriteStream;
  return { get: () => (made++, stream), made: () => made, text: () => text };
}

beforeEach(() => vi.useFakeTimers({ now: 0 }));
afterEach(() => vi.useRealTimers());

describe('ttyProgress', () => {
  it('does not touch stderr during the first 100 ms, then shows and clears a line on a terminal', () => {
    const stream = fakeStream(true);
    const progress = ttyProgress(stream.get);
    progress.onProgress('log.csv', 10, 100, 5);
    vi.setSystemTime(99);
    progress.onProgress('log.csv', 20, 100, 10);
    expect(stream.made()).toBe(0);
    vi.setSystemTime(150);
    progress.onProgress('log.csv', 50, 200, 1234);
    expect(stream.text()).toBe('\r\x1b[Kindexing log.csv: 25% (1,234 rows)');
    progress.done();
    expect(stream.text().endsWith('\r\x1b[K')).toBe(true);
  });

  it('writes nothing where stderr is not a terminal', () => {
    const stream = fakeStream(false);
    const progress = ttyProgress(stream.get);
    for (let t = 0; t <= 1000; t += 50) {
      vi.setSystemTime(t);
      progress.onProgress('log.csv', t, 1000, t);
    }
    progress.done();
    expect(stream.text()).toBe('');
  });
});
