import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { progressLine } from '../../../src/main/cli/progress-line';

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

describe('progressLine', () => {
  it('does not touch stderr during the first 100 ms, then shows and clears a line on a terminal', () => {
    const stream = fakeStream(true);
    const line = progressLine(stream.get);
    line.show(() => 'step 1');
    vi.setSystemTime(99);
    line.show(() => 'step 2');
    expect(stream.made()).toBe(0);
    vi.setSystemTime(150);
    line.show(() => 'step 3');
    expect(stream.text()).toBe('\r\x1b[Kstep 3');
    line.done();
    expect(stream.text()).toBe('\r\x1b[Kstep 3\r\x1b[K');
  });

  it('rewrites the line at most every 100 ms, and builds its text only then', () => {
    const stream = fakeStream(true);
    const line = progressLine(stream.get);
    let built = 0;
    for (let t = 0; t <= 1000; t += 10) {
      vi.setSystemTime(t);
      line.show(() => `at ${t} (${++built})`);
    }
    expect(built).toBe(10);
    expect(stream.text().split('\r\x1b[K').filter(Boolean)).toHaveLength(10);
  });

  it('shows a new phase at once', () => {
    const stream = fakeStream(true);
    const line = progressLine(stream.get);
    line.show(() => 'writing', 'writing');
    vi.setSystemTime(10);
    line.show(() => 'writing more', 'writing');
    vi.setSystemTime(20);
    line.show(() => 'uploading', 'uploading');
    expect(stream.text()).toBe('\r\x1b[Kwriting\r\x1b[Kuploading');
  });

  it('writes nothing where stderr is not a terminal, not even the clearing', () => {
    const stream = fakeStream(false);
    const line = progressLine(stream.get);
    for (let t = 0; t <= 1000; t += 50) {
      vi.setSystemTime(t);
      line.show(() => `at ${t}`, t > 500 ? 'late' : undefined);
    }
    line.done();
    expect(stream.text()).toBe('');
  });
});
