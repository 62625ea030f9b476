// Small-int codes for repeated strings (flag reasons, usernames, column values), shared by every log
// of a workspace so that codes compare across logs. Code -1 stands for "no value".
export const NO_VALUE = -1;

export class Interner {
  readonly values: string[] = [];
  private readonly codes = new Map<string, number>();
  /** Codes keyed by the raw bytes (latin1) a value was read from, to skip decoding repeats. */
  private readonly rawCodes = new Map<string, number>();

  code(value: string): number {
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.codes.set(value, code);
    }
    return code;
  }

  /** Code of a value known by its raw bytes; `decode` runs only the first time those bytes are seen. */
  codeOfRaw(raw: string, decode: (raw: string) => string | null): number {
    let code = this.rawCodes.get(raw);
    if (code === undefined) {
      const value = decode(raw);
      code = value === null ? NO_VALUE : this.code(value);
      this.rawCodes.set(raw, code);
    }
    return code;
  }

  find(value: string): number | undefined {
    return this.codes.get(value);
  }

  valueOf(code: number): string | null {
    return code === NO_VALUE ? null : this.values[code];
  }

  private ranked: Uint32Array | null = null;

  /** rank[code + 1] = position of the value in sorted order (null first); kept until a value is added. */
  ranks(): Uint32Array {
    if (this.ranked && this.ranked.length === this.values.length + 1) return this.ranked;
    const order = this.values
      .map((_, code) => code)
      .sort((a, b) => compareText(this.values[a], this.values[b]));
    const rank = new Uint32Array(this.values.length + 1);
    order.forEach((code, position) => {
      rank[code + 1] = position + 1;
    });
    this.ranked = rank;
    return rank;
  }
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
