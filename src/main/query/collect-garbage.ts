// A typed array the engine lets go of is given back only when V8 collects it, and V8 collects an
// old one only once 64 MB more external memory than at its last full collection is in use: a cache
// that evicts ranks and orders to stay within its budget would otherwise hold up to 64 MB of dead
// arrays on top of it. After large evictions, and after a ranking, the engine asks for a full
// collection so that the budget bounds the process's memory, not only the cache's count.
// node:v8 and node:vm are loaded on first use (see platform/young-generation.ts).

type Collect = () => void;

let collect: Collect | null | undefined;

/** V8's gc(): the one the process was started with, or one exposed now; null where V8 refuses. */
function collector(): Collect | null {
  const started = (globalThis as { gc?: Collect }).gc;
  if (started) return started;
  try {
    process.getBuiltinModule('node:v8').setFlagsFromString('--expose-gc');
    const exposed: unknown = process
      .getBuiltinModule('node:vm')
      .runInNewContext('typeof gc === "function" ? gc : null');
    return typeof exposed === 'function' ? (exposed as Collect) : null;
  } catch {
    return null;
  }
}

/** A full collection now (5-20 ms here); nothing where the host's V8 does not allow one. */
export function collectGarbage(): void {
  if (collect === undefined) collect = collector();
  collect?.();
}
