// The engine's caches stay within their byte budget whatever is asked, dropping the least recently
// used first and never the entry just stored.
import { describe, expect, it } from 'vitest';
import { ByteBudgetCache } from '../../../src/main/query/byte-budget-cache';

const cache = () => new ByteBudgetCache<Uint8Array>(100, (value) => value.byteLength);

describe('ByteBudgetCache', () => {
  it('evicts the least recently used entries once over budget', () => {
    const c = cache();
    c.set('a', new Uint8Array(40));
    c.set('b', new Uint8Array(40));
    expect(c.get('a')).toBeDefined(); // a is now the most recent
    c.set('c', new Uint8Array(40));
    expect(c.get('b')).toBeUndefined();
    expect(c.get('a')).toBeDefined();
    expect(c.get('c')).toBeDefined();
    expect(c.bytes).toBe(80);
  });

  it('re-measures an entry stored again after it grew, and keeps the newest even when it alone is too big', () => {
    const c = cache();
    c.set('a', new Uint8Array(30));
    c.set('b', new Uint8Array(30));
    c.set('a', new Uint8Array(90));
    expect(c.get('b')).toBeUndefined();
    expect(c.bytes).toBe(90);
    c.set('huge', new Uint8Array(500));
    expect(c.get('huge')).toBeDefined();
    expect(c.get('a')).toBeUndefined();
    expect(c.bytes).toBe(500);
  });

  it('drops the entries of a log by key prefix', () => {
    const c = cache();
    c.set('text\0f/log.csv\0x', new Uint8Array(10));
    c.set('text\0f/other.csv\0x', new Uint8Array(10));
    c.deletePrefix('text\0f/log.csv\0');
    expect(c.get('text\0f/log.csv\0x')).toBeUndefined();
    expect(c.get('text\0f/other.csv\0x')).toBeDefined();
    expect(c.bytes).toBe(10);
  });

  it('makes room for work about to be done: drops the oldest until it fits, all of them if need be', () => {
    const c = cache();
    c.set('a', new Uint8Array(30));
    c.set('b', new Uint8Array(30));
    c.set('c', new Uint8Array(30));
    c.makeRoom(40);
    expect(c.get('a')).toBeUndefined();
    expect(c.get('b')).toBeDefined();
    expect(c.bytes + 40).toBeLessThanOrEqual(100);
    c.makeRoom(500);
    expect(c.bytes).toBe(0);
  });

  it('asks for a collection each time it has dropped `collectAfter` bytes, not for a value stored again', () => {
    let collections = 0;
    const c = new ByteBudgetCache<Uint8Array>(100, (value) => value.byteLength, {
      collect: () => collections++,
      collectAfter: 50,
    });
    const grown = new Uint8Array(30);
    c.set('a', grown);
    c.set('a', grown);
    c.set('a', grown);
    expect(collections).toBe(0);
    for (let i = 0; i < 10; i++) c.set(`k${i}`, new Uint8Array(30));
    // 9 entries of 30 bytes (and `a`) dropped to keep 3: 300 bytes, a collection per 50 or more.
    expect(c.bytes).toBe(90);
    expect(collections).toBe(4);
    c.makeRoom(100);
    expect(c.bytes).toBe(0);
    expect(collections).toBe(5);
  });

  it('collects what it dropped to make room for large work at once, and nothing when it dropped none', () => {
    let collections = 0;
    const c = new ByteBudgetCache<Uint8Array>(100, (value) => value.byteLength, {
      collect: () => collections++,
      collectAfter: 1000,
    });
    c.set('a', new Uint8Array(30));
    c.collectNow();
    expect(collections).toBe(0);
    c.makeRoom(50);
    expect([c.bytes, collections]).toEqual([30, 0]);
    c.makeRoom(80);
    expect([c.bytes, collections]).toEqual([0, 1]);
    c.collectNow();
    expect(collections).toBe(1);
    // Garbage that is not the cache's (what a walk over a log left) is collected when asked.
    c.collectNow(true);
    expect(collections).toBe(2);
  });
});
