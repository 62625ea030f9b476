import { describe, expect, it } from 'vitest';
import { createDispatch } from '../../../src/main/app/dispatch';
import { fakeHandlers } from '../host/doubles';

describe('dispatch', () => {
  it('runs the handler with the parsed input (defaults applied)', async () => {
    const calls: { name: string; args: unknown }[] = [];
    const dispatch = createDispatch(fakeHandlers(calls));
    expect(await dispatch('samples.query', { offset: 40, limit: 20 })).toEqual({
      ok: true,
      value: { total: 40, rows: [] },
    });
    expect(calls).toEqual([{ name: 'samples.query', args: { filter: {}, offset: 40, limit: 20 } }]);
  });

  it('treats a missing input as {} for calls without arguments', async () => {
    const dispatch = createDispatch(fakeHandlers());
    expect(await dispatch('workspace.recent', undefined)).toEqual({
      ok: true,
      value: { paths: ['/a', '/b'] },
    });
  });

  it('refuses input the contract rejects, naming each field, without running the handler', async () => {
    const calls: { name: string; args: unknown }[] = [];
    const dispatch = createDispatch(fakeHandlers(calls));
    const result = await dispatch('samples.query', { offset: -1, limit: 5000 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-input');
    expect(result.error.issues.map((i) => i.path)).toEqual(['offset', 'limit']);
    expect(result.error.message).toMatch(/^invalid input for samples\.query: offset: .+; limit: .+/);
    expect(calls).toEqual([]);
  });

  it('refuses a review edit that changes nothing (a refinement, not just a shape)', async () => {
    const result = await createDispatch(fakeHandlers())('review.edit', {
      targets: { samples: [{ folderId: 'f', id: 'log.csv#1' }] },
      patch: {},
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(!result.ok && result.error.message).toContain('an edit must change at least one field');
  });

  it('refuses non-object input and unknown or inherited names', async () => {
    const dispatch = createDispatch(fakeHandlers());
    expect(await dispatch('workspace.open', 'not an object')).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(await dispatch('workspace.delete', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown-call', message: 'unknown call "workspace.delete"' },
    });
    expect(await dispatch('toString', {})).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
    expect(await dispatch('__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
  });

  it('turns a thrown handler error into a failed result and reports it', async () => {
    const seen: unknown[] = [];
    const dispatch = createDispatch(fakeHandlers(), (_name, error) => seen.push(error));
    expect(await dispatch('samples.get', { folderId: 'f', id: 'log.csv#1' })).toEqual({
      ok: false,
      error: { code: 'failed', message: 'samples.get failed: no such sample', issues: [] },
    });
    expect(seen).toHaveLength(1);
  });

  it('reports a host that cannot do something as unavailable, not as a failure', async () => {
    const result = await createDispatch(fakeHandlers())('workspace.pickFolder', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });
});
