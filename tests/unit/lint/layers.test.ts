// The layer order is a lint rule: an import that crosses it fails `npm run lint`, a legal one passes.
import { ESLint } from 'eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = join(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: repo });

async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(repo, file) });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'boundaries/dependencies')
    .map((message) => message.message);
}

describe('layer lint', () => {
  it('rejects a room importing a room above it', async () => {
    const errors = await layerErrors(
      'src/main/gradio/probe.ts',
      "import { createWorkspace } from '../workspace/workspace';\nexport const probe = createWorkspace;\n",
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('"gradio" to elements of type "workspace"');
  });

  it('rejects the dispatch reaching up into a host', async () => {
    const errors = await layerErrors(
      'src/main/app/probe.ts',
      "import { startWebHost } from '../host/web';\nexport const probe = startWebHost;\n",
    );
    expect(errors).toHaveLength(1);
  });

  it('rejects two rooms of one layer importing each other', async () => {
    const errors = await layerErrors(
      'src/main/follow/probe.ts',
      "import { QueryEngine } from '../query/query';\nexport const probe = QueryEngine;\n",
    );
    expect(errors).toHaveLength(1);
  });

  it('rejects main importing the preload', async () => {
    const errors = await layerErrors('src/main/host/probe.ts', "import '../../preload/index';\n");
    expect(errors).toHaveLength(1);
  });

  it('rejects one renderer feature importing another', async () => {
    const errors = await layerErrors(
      'src/renderer/src/features/grid/probe.ts',
      "import { tableColumns } from '../table/columns';\nexport const probe = tableColumns;\n",
    );
    expect(errors).toHaveLength(1);
  });

  it('accepts imports downward and within a room', async () => {
    const errors = await layerErrors(
      'src/main/workspace/probe.ts',
      [
        "import { QueryEngine } from '../query/query';",
        "import { FolderReader } from '../gradio/reader';",
        "import type { SampleRow } from '../../shared/model';",
        "import { facetsOf } from './facets';",
        'export const probe = [QueryEngine, FolderReader, facetsOf] as const;',
        'export type Probe = SampleRow;',
      ].join('\n') + '\n',
    );
    expect(errors).toEqual([]);
  });

  it('accepts a feature importing the common module', async () => {
    const errors = await layerErrors(
      'src/renderer/src/features/grid/probe.ts',
      "import { logKey } from '../../common/rows';\nexport const probe = logKey;\n",
    );
    expect(errors).toEqual([]);
  });
});
