import { describe, expect, it } from 'vitest';
import { PageCache } from '../../../../src/renderer/src/common/page-cache';

const rows = (from: number, n: number): number[] => Array.from({ length: n }, (_, i) => from + i);

describe('PageCache', () => {
  it('asks only for the pages covering the visible rows, once each', () => {
    const cache = new PageCache<number>(10);
    expect(cache.needed(5, 24)).toEqual([0, 1, 2]);
    cache.begin(0);
    cache.begin(1);
    expect(cache.needed(5, 24)).toEqual([2]);
    expect(cache.needed(3, 2)).toEqual([]);
  });

  it('serves rows by offset once filled', () => {
    const cache = new PageCache<number>(10);
    const token = cache.begin(1);
    expect(cache.fill(1, token, rows(10, 10))).toBe(true);
    expect(cache.get(13)).toBe(13);
    expect(cache.get(3)).toBeUndefined();
    expect(cache.needed(10, 19)).toEqual([]);
  });

  it('drops answers to requests made before a refresh or a new query', () => {
    const cache = new PageCache<number>(10);
    const old = cache.begin(0);
    cache.clear();
    expect(cache.fill(0, old, rows(0, 10))).toBe(false);
    expect(cache.get(0)).toBeUndefined();
    expect(cache.needed(0, 9)).toEqual([0]);
  });

  it('keeps stale rows on screen while their refresh is pending', () => {
    const cache = new PageCache<number>(10);
    cache.fill(0, cache.begin(0), rows(0, 10));
    cache.markStale();
    expect(cache.get(4)).toBe(4);
    expect(cache.needed(0, 9)).toEqual([0]);
    cache.fill(0, cache.begin(0), rows(100, 10));
    expect(cache.get(4)).toBe(104);
  });

  it('lets a failed page be asked for again', () => {
    const cache = new PageCache<number>(10);
    const token = cache.begin(2);
    expect(cache.needed(20, 29)).toEqual([]);
    cache.fail(2, token);
    expect(cache.needed(20, 29)).toEqual([2]);
  });

  it('updates cached rows in place', () => {
    const cache = new PageCache<number>(10);
    cache.fill(0, cache.begin(0), rows(0, 10));
    cache.mapRows((r) => (r === 3 ? -3 : r));
    expect(cache.get(3)).toBe(-3);
    expect(cache.get(4)).toBe(4);
  });
});
