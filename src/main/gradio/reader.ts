// The GradioReader the rest of the app uses: one asset resolver (with its listing cache) per folder.
import { resolve } from 'node:path';
import type { Cell, Column } from '../../shared/model';
import type { FolderContext, GradioReader, LogShape, RecordSource } from './log-model';
import { AssetResolver } from './asset-resolver';
import { decodeCell } from './decode-cell';
import { walkForLogs } from './find-logs';
import { ReaderRecordSource } from './record-source';
import { shapeOf } from './shape-of';

export class FolderReader implements GradioReader {
  private readonly resolvers = new Map<string, AssetResolver>();

  constructor(readonly source: RecordSource = new ReaderRecordSource()) {}

  /** The folder's logs; the directories read to find them serve its resolver as listings too. */
  async findLogs(root: string): Promise<string[]> {
    const folder = resolve(root);
    const { logs, directories } = await walkForLogs(folder);
    this.resolverFor(folder).knowDirectories(directories);
    return logs;
  }

  shapeOf(root: string, file: string): Promise<LogShape> {
    return shapeOf(resolve(root), file, this.source, this.resolverFor(root));
  }

  decodeCell(raw: string, column: Column, context: FolderContext): Promise<Cell> {
    return decodeCell(raw, column, this.resolverFor(context.root), context.logDir);
  }

  /** Called for every cell of a page, so the root is looked up as given before it is resolved. */
  resolverFor(root: string): AssetResolver {
    const known = this.resolvers.get(root);
    if (known) return known;
    const key = resolve(root);
    const resolver = this.resolvers.get(key) ?? new AssetResolver(key);
    this.resolvers.set(key, resolver);
    this.resolvers.set(root, resolver);
    return resolver;
  }
}
