// The column layout of what is in view, remembered per folder in this browser's / window's local
// storage (where the other UI settings live): one folder in view keys it by that folder's path,
// several by their paths together.
import { useCallback, useState } from 'react';
import type { SampleFilter } from '../../../../shared/api';
import type { FolderInfo } from '../../../../shared/model';
import { noLayout, type ColumnLayout } from './column-layout';

const PREFIX = 'flagdeck.columns:';

/** The folders the filter shows, by path: the key the layout is remembered under. */
export function layoutKey(folders: FolderInfo[], filter: SampleFilter): string {
  const fromLogs = filter.logs?.map((key) => folders.find((f) => key.startsWith(`${f.id}/`))?.id);
  const ids = filter.folderIds?.length ? filter.folderIds : fromLogs?.filter((id) => id !== undefined);
  const shown = ids?.length ? folders.filter((f) => ids.includes(f.id)) : folders;
  return shown
    .map((f) => f.path)
    .sort()
    .join('\n');
}

function read(key: string): ColumnLayout {
  try {
    const text = globalThis.localStorage?.getItem(PREFIX + key);
    if (!text) return noLayout;
    const parsed = JSON.parse(text) as Partial<ColumnLayout>;
    const strings = (v: unknown): string[] =>
      Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
    return { order: strings(parsed.order), hidden: strings(parsed.hidden) };
  } catch {
    return noLayout;
  }
}

export interface ColumnLayoutState {
  layout: ColumnLayout;
  set(layout: ColumnLayout): void;
}

export function useColumnLayout(key: string): ColumnLayoutState {
  const [state, setState] = useState(() => ({ key, layout: read(key) }));
  const set = useCallback(
    (layout: ColumnLayout) => {
      setState({ key, layout });
      try {
        globalThis.localStorage?.setItem(PREFIX + key, JSON.stringify(layout));
      } catch {
        // No storage (a sandboxed page): the layout holds for this session.
      }
    },
    [key],
  );
  return { layout: state.key === key ? state.layout : read(key), set };
}
