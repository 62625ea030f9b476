import { build } from 'rolldown';
const [input, out, ...ext] = process.argv.slice(2);
await build({ input, platform: 'node', external: [/^node:/, ...ext], output: { file: out, format: 'esm', codeSplitting: false, minify: false }, logLevel: 'silent' });
