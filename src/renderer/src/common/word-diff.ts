// A word diff of two texts (longest common subsequence over words and the spaces between them),
// for the side-by-side view: what the new version removed and what it added.
export interface DiffPart {
  text: string;
  change: 'same' | 'removed' | 'added';
}

const MAX_TOKENS = 2000;

export function wordDiff(before: string, after: string): DiffPart[] {
  const a = tokens(before);
  const b = tokens(after);
  if (a.length * b.length > MAX_TOKENS * MAX_TOKENS) {
    return [
      { text: before, change: 'removed' },
      { text: after, change: 'added' },
    ];
  }
  const lengths = commonLengths(a, b);
  const parts: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      push(parts, a[i] ?? '', 'same');
      i += 1;
      j += 1;
    } else if (j < b.length && (i === a.length || (lengths[i]?.[j + 1] ?? 0) >= (lengths[i + 1]?.[j] ?? 0))) {
      push(parts, b[j] ?? '', 'added');
      j += 1;
    } else {
      push(parts, a[i] ?? '', 'removed');
      i += 1;
    }
  }
  return parts;
}

function tokens(text: string): string[] {
  return text.match(/\s+|[^\s]+/g) ?? [];
}

/** lengths[i][j] = length of the longest common subsequence of a[i..] and b[j..]. */
function commonLengths(a: string[], b: string[]): number[][] {
  const lengths = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i -= 1) {
    const row = lengths[i] ?? [];
    const below = lengths[i + 1] ?? [];
    for (let j = b.length - 1; j >= 0; j -= 1) {
      row[j] = a[i] === b[j] ? (below[j + 1] ?? 0) + 1 : Math.max(below[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  return lengths;
}

function push(parts: DiffPart[], text: string, change: DiffPart['change']): void {
  const last = parts[parts.length - 1];
  if (last && last.change === change) last.text += text;
  else parts.push({ text, change });
}
