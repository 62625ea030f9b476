// Names as Gradio derives directory names from labels, compared loosely (dir-listings.ts).

/** Label-derived directory names lose emoji and apostrophes and keep stray spaces: compare loosely. */
export function looseName(name: string): string {
  return name
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._\-, ]/gu, '')
    .trim()
    .toLowerCase();
}

/** Names looseName could not change (lower-case ASCII without emoji or apostrophes). */
const ALREADY_LOOSE = /^[a-z0-9._\-, ]*$/;

/** looseName, without its Unicode work for the names it could not change. */
export function looseOf(name: string): string {
  return ALREADY_LOOSE.test(name) ? name.trim() : looseName(name);
}
