// The workspace service behind the `workspace.*` and `samples.*` calls: opens flagging folders,
// indexes every log in the background (first rows first), follows them while Gradio appends, and
// answers paged queries. Events go out through the injected `emit`.
// The folder lifecycle and the queries live in their own files; this is the one face both share.
import type { Facets, QueryResult, SampleFilter, SampleSort } from '../../shared/api';
import type { SampleRef, SampleRow, WorkspaceInfo } from '../../shared/model';
import type { SampleIdentity } from '../review/review-store';
import { FolderLifecycle } from './folder-lifecycle';
import type { Emit, WorkspaceOptions } from './options';
import { WorkspaceContext } from './workspace-context';
import { WorkspaceQueries } from './workspace-queries';

export type { Emit, WorkspaceOptions };

export class Workspace {
  private readonly ctx: WorkspaceContext;
  private readonly folders: FolderLifecycle;
  private readonly queries: WorkspaceQueries;

  constructor(options: WorkspaceOptions) {
    this.ctx = new WorkspaceContext(options);
    this.folders = new FolderLifecycle(this.ctx);
    this.queries = new WorkspaceQueries(this.ctx);
  }

  info(): WorkspaceInfo {
    return this.ctx.info();
  }

  folderRoot(folderId: string): string | undefined {
    return this.folders.folderRoot(folderId);
  }

  recent(): Promise<string[]> {
    return this.folders.recent();
  }

  /** Opens folders (an open one is kept as it is). Resolves once each log's first rows are indexed. */
  open(paths: string[]): Promise<WorkspaceInfo> {
    return this.folders.open(paths);
  }

  close(folderId: string): Promise<WorkspaceInfo> {
    return this.folders.close(folderId);
  }

  dispose(): Promise<void> {
    return this.folders.dispose();
  }

  /** Resolves when every log opened so far is fully indexed. */
  whenIndexed(): Promise<void> {
    return this.folders.whenIndexed();
  }

  /** Resolves when no follow check is running (tests). */
  whenIdle(): Promise<void> {
    return this.folders.whenIdle();
  }

  /** `upTo`: the caller asks for no row past the first `upTo` (see QueryEngine.select). */
  query(
    input: { filter: SampleFilter; sort?: SampleSort; offset: number; limit: number },
    upTo?: number,
  ): Promise<QueryResult> {
    return this.queries.query(input, upTo);
  }

  get(ref: SampleRef): Promise<SampleRow> {
    return this.queries.get(ref);
  }

  facets(filter: SampleFilter): Promise<Facets> {
    return this.queries.facets(filter);
  }

  /** Identities of samples of one folder, in the order given (an unknown id throws, naming it). */
  identify(folderId: string, ids: string[]): Promise<SampleIdentity[]> {
    return this.queries.identify(folderId, ids);
  }

  /** Every sample matching a filter, grouped by folder id (bulk edits). */
  matching(filter: SampleFilter): Promise<Map<string, SampleIdentity[]>> {
    return this.queries.matching(filter);
  }

  /** The distinct flag values found in a folder's logs. */
  flagValues(folderId: string): (string | null)[] {
    return this.queries.flagValues(folderId);
  }

  /** The current row hash of a sample, when it was read lately. */
  rowHash(folderId: string, id: string): string | undefined {
    return this.queries.rowHash(folderId, id);
  }
}

export function createWorkspace(options: WorkspaceOptions): Workspace {
  return new Workspace(options);
}
