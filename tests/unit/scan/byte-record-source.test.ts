// (The long suite runs the random-CSV property with 10,000 cases.)
import { describe, expect, it } from 'vitest';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sniffDialect } from '../../../src/main/gradio/sniff-dialect';
import { agreesOnRandomCsv, expectAgreement } from './support/agreement';
import { needsRealWorld, REAL_WORLD, realWorldMissing } from '../../support/real-world';

const FIXTURES = join(__dirname, '../../fixtures');

function csvFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    if (name === '.venvs' || name === 'node_modules') return [];
    if (statSync(path).isDirectory()) return csvFiles(path);
    return name.endsWith('.csv') ? [path] : [];
  });
}

describe('ByteRecordSource agrees with the csv-parse RecordSource', () => {
  const files = [...csvFiles(REAL_WORLD), ...csvFiles(FIXTURES)];

  it.skipIf(realWorldMissing)(needsRealWorld('finds the real-world corpus'), () => {
    expect(csvFiles(REAL_WORLD).length).toBeGreaterThanOrEqual(40);
  });

  it.each(files)('%s', async (file) => {
    const { dialect } = await sniffDialect(file);
    await expectAgreement(file, dialect);
    // Tiny reads put chunk edges inside quotes, doubled quotes and `\r\n`.
    await expectAgreement(file, dialect, 7);
    // While a writer may still be appending: complete records only.
    await expectAgreement(file, dialect, 7, false);
  });

  it('on random CSV (fast-check)', async () => {
    await agreesOnRandomCsv(1500);
  });
});
