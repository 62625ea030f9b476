// Types of tests/support/counted-opens.mjs, for the TypeScript tests that use it.
export function countOpens(): { opened: (path: string) => number; undo: () => void };
