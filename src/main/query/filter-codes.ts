// A filter's reason or username values as the interned codes the index holds.
import { Interner, NO_VALUE } from '../log-index/intern';

export function codesOf(
  values: readonly (string | null)[] | undefined,
  interner: Interner,
): Set<number> | null {
  if (!values) return null;
  const codes = new Set<number>();
  for (const value of values) {
    if (value === null) codes.add(NO_VALUE);
    else {
      const code = interner.find(value);
      if (code !== undefined) codes.add(code);
    }
  }
  return codes;
}
