// Python literals that Gradio 3.x / 4.0–4.21 wrote with str(): `['a', 'b']`, `{'label': 'cat'}`, `(1, 2)`.
// A small recursive-descent reader; anything else (calls, sets, expressions) is not a literal.
type Literal = null | boolean | number | string | Literal[] | { [key: string]: Literal };

const ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '0': '\0',
};

class Reader {
  at = 0;
  constructor(private readonly text: string) {}

  fail(): never {
    throw new SyntaxError(`not a Python literal at ${this.at}`);
  }
  skip(): void {
    while (/\s/.test(this.text[this.at] ?? '')) this.at += 1;
  }
  eat(char: string): boolean {
    this.skip();
    if (this.text[this.at] !== char) return false;
    this.at += 1;
    return true;
  }
  value(): Literal {
    this.skip();
    const char = this.text[this.at];
    if (char === '[') return this.sequence(']');
    if (char === '(') return this.sequence(')');
    if (char === '{') return this.mapping();
    if (char === "'" || char === '"') return this.string(char);
    return this.atom();
  }
  sequence(close: string): Literal[] {
    this.at += 1;
    const items: Literal[] = [];
    while (!this.eat(close)) {
      items.push(this.value());
      if (!this.eat(',') && this.text[this.at] !== close) this.fail();
    }
    return items;
  }
  mapping(): { [key: string]: Literal } {
    this.at += 1;
    const entries: { [key: string]: Literal } = {};
    while (!this.eat('}')) {
      const key = this.value();
      if (!this.eat(':')) this.fail();
      entries[String(key)] = this.value();
      if (!this.eat(',') && this.text[this.at] !== '}') this.fail();
    }
    return entries;
  }
  string(quote: string): string {
    let out = '';
    for (this.at += 1; this.at < this.text.length; this.at += 1) {
      const char = this.text[this.at];
      if (char === quote) {
        this.at += 1;
        return out;
      }
      if (char === '\\') {
        this.at += 1;
        const next = this.text[this.at] ?? '';
        out += ESCAPES[next] ?? `\\${next}`;
      } else {
        out += char;
      }
    }
    return this.fail();
  }
  atom(): Literal {
    const match = /^(True|False|None|-?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?|-?inf|nan)/i.exec(
      this.text.slice(this.at),
    );
    if (!match) this.fail();
    this.at += match[0].length;
    const word = match[0];
    if (word === 'True') return true;
    if (word === 'False') return false;
    if (word === 'None') return null;
    return Number(word.replace(/inf$/i, 'Infinity'));
  }
}

/** The value of a Python list/tuple/dict literal, or undefined when the text is not one. */
export function parsePythonLiteral(text: string): { value: Literal } | undefined {
  const trimmed = text.trim();
  if (!/^[[({]/.test(trimmed)) return undefined;
  const reader = new Reader(trimmed);
  try {
    const value = reader.value();
    reader.skip();
    return reader.at === trimmed.length ? { value } : undefined;
  } catch {
    return undefined;
  }
}
