// Sizes as the CLI prints them.

/** `bytes` in B, kB or MB (decimal units), one decimal from kB on. */
export function sizeText(bytes: number): string {
  if (bytes < 1e3) return `${bytes} B`;
  if (bytes < 1e6) return `${(bytes / 1e3).toFixed(1)} kB`;
  return `${(bytes / 1e6).toFixed(1)} MB`;
}
