// node:fs as its module object. `import … from 'node:fs'` builds the module's ESM facade, which
// reads every export: their getters load fs/promises and the stream classes, 1-2 ms of every
// command's start (a 10-row `inspect` is 60 ms in all). process.getBuiltinModule returns the same
// object (a test's spy on it is seen here) and loads nothing more. Types still come from 'node:fs'.
export const fs: typeof import('node:fs') = process.getBuiltinModule('node:fs');
