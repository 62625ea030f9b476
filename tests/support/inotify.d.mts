// Types of tests/support/inotify.mjs, for the TypeScript tests that use it (bench/many-logs.mjs uses it too).
export function inotifyWatches(): number;
