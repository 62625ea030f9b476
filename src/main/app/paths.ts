// Where the app finds its own files, from the source tree (tests) and from the bundle in `out/`.
import { fs } from '../platform/node-fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The Flagdeck package folder: the nearest parent holding our `package.json`. */
export function packageRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (
      fs.existsSync(manifest) &&
      (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string }).name === 'flagdeck'
    ) {
      return dir;
    }
    if (dirname(dir) === dir) throw new Error(`cannot find the Flagdeck package above ${from}`);
  }
}

/** The built renderer served by `flagdeck serve`. */
export const rendererDir = (root = packageRoot()): string => join(root, 'out', 'renderer');

/** The bundled sample flagging folder (made by real Gradio). */
export const bundledFolder = (root = packageRoot()): string => join(root, 'resources', 'sample');
