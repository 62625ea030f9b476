// JSON as Python's json.dumps writes it, which may include NaN and ±Infinity (invalid for JSON.parse).
const NON_FINITE_OUTSIDE_STRINGS = /"(?:[^"\\]|\\.)*"|(-?Infinity|NaN)/g;

export type Parsed = { value: unknown } | undefined;

export function parseLooseJson(text: string): Parsed {
  try {
    return { value: JSON.parse(text) };
  } catch {
    if (!/NaN|Infinity/.test(text)) return undefined;
  }
  try {
    const finite = text.replace(NON_FINITE_OUTSIDE_STRINGS, (match, token?: string) =>
      token ? 'null' : match,
    );
    return { value: JSON.parse(finite) };
  } catch {
    return undefined;
  }
}
