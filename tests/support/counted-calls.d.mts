// Types of tests/support/counted-calls.mjs, for the TypeScript tests that use it.
export function countCalls(
  method: 'open' | 'lstat' | 'readdir',
  options?: { callbacks?: boolean },
): {
  calls: (path: string) => number;
  callsInside: (dir: string) => number;
  undo: () => void;
};
