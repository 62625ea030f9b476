// How a plain relative asset reference is placed below the folder from one base (asset-resolver.ts).
import { sep } from 'node:path';

/**
 * A base a plain relative reference (no `..`, no drive) is resolved against, as `insideParts(
 * resolve(base, reference))` would: `below`, the base's parts below the folder (none for the
 * folder itself); or `above`, the folder's parts below the base, which the reference must begin
 * with (compared as path.relative does: without case on Windows).
 */
export class CandidateBase {
  constructor(
    private readonly below: string[] | undefined,
    private readonly above: string[] | undefined,
    /** Whether names are compared without case, as path.relative does on Windows. */
    private readonly caseless = sep === '\\',
  ) {}

  partsOf(segments: string[]): string[] | undefined {
    let parts: string[] | undefined;
    if (this.below) parts = this.below.length === 0 ? segments : [...this.below, ...segments];
    else if (
      this.above &&
      segments.length > this.above.length &&
      this.above.every((part, i) => this.samePart(part, segments[i]))
    )
      parts = segments.slice(this.above.length);
    // path.relative's `..name` reads as leaving the folder (contains): so here too.
    return parts && !parts[0].startsWith('..') ? parts : undefined;
  }

  private samePart(a: string, b: string): boolean {
    return this.caseless ? a.toLowerCase() === b.toLowerCase() : a === b;
  }
}
