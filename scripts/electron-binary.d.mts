// Types of scripts/electron-binary.mjs, for the TypeScript tests that use it.
export function electronPackage(): { dir: string; version: string };
export function electronExecutable(): string | undefined;
export function installElectron(options?: {
  timeoutMs?: number;
}): Promise<{ ok: true } | { ok: false; reason: string }>;
export function unavailableMessage(reason: string): string;
