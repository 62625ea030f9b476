// node:util's parseArgs from the module object. Under Node 24, `import … from 'node:util'` builds
// the ESM facade, which reads every export: `util.diff` loads the colour helpers, which open
// process.stderr, which is a socket where stderr is a pipe: `net` and the stream classes loaded for
// a 10-row `flagdeck query` (the app's Electron runs Node 22 or later). Types still come from
// 'node:util'.
export const { parseArgs }: typeof import('node:util') = process.getBuiltinModule('node:util');
