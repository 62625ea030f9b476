// The generated Gradio fixtures as export tests walk them: one flagging folder per version and case.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { VersionManifest } from '../gradio/fixture-manifest';
import { FIXTURES } from './support';

export const VERSIONS = ['3.50.2', '4.44.1', '5.50.0', '6.31.0'];

export interface FixtureCase {
  version: string;
  name: string;
  folder: string;
}

export function fixtureCases(): FixtureCase[] {
  return VERSIONS.flatMap((version) => {
    const manifest = JSON.parse(
      readFileSync(join(FIXTURES, version, 'manifest.json'), 'utf8'),
    ) as VersionManifest;
    return manifest.cases.map((c) => ({
      version,
      name: c.case,
      folder: join(FIXTURES, version, c.case, c.flaggingDir),
    }));
  });
}
