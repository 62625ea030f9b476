// Types of scripts/wasm-sources.mjs, for the TypeScript tests that use it.
export const wasmFolder: string;
export function wasmSources(): string[];
export function wasmSourcesDigest(): string;
