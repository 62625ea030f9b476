// Types of tests/support/failing-watch.mjs, for the TypeScript tests that use it.
export function enospcError(path: string): Error & { code: string; path: string };
export function failWatches(fails: (path: string) => boolean): () => void;
