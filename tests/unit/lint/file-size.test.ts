// No source file over 300 lines: the lint refuses one, so a room cannot quietly grow a second idea.
import { ESLint } from 'eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = join(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: repo });

async function sizeErrors(lineCount: number): Promise<string[]> {
  const code = Array.from({ length: lineCount }, (_, i) => `export const line${i} = ${i};`).join('\n') + '\n';
  const [result] = await eslint.lintText(code, { filePath: join(repo, 'src/main/query/probe.ts') });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'max-lines').map((m) => m.message);
}

describe('file size lint', () => {
  it('refuses a source file of 301 lines', async () => {
    const errors = await sizeErrors(301);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('Maximum allowed is 300');
  });

  it('accepts a source file of 300 lines', async () => {
    expect(await sizeErrors(300)).toEqual([]);
  });
});
