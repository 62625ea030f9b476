// Folders dropped anywhere on the window open (the open panel handles drops on itself first). The
// default, the browser navigating to the dropped file, never happens.
import { useEffect } from 'react';
import { droppedPaths } from '../features/workspace/dropped-paths';
import { useApi } from '../common/api-context';

export function useWindowDrop(open: (paths: string[]) => Promise<unknown>): void {
  const { droppedFilePaths } = useApi();
  useEffect(() => {
    const over = (e: DragEvent): void => e.preventDefault();
    const drop = (e: DragEvent): void => {
      if (e.defaultPrevented || !e.dataTransfer) return;
      e.preventDefault();
      const native = droppedFilePaths(e.dataTransfer.files);
      const paths =
        native.length > 0
          ? native
          : droppedPaths(e.dataTransfer.getData('text/uri-list'), e.dataTransfer.getData('text/plain'));
      if (paths.length > 0) void open(paths);
    };
    document.addEventListener('dragover', over);
    document.addEventListener('drop', drop);
    return () => {
      document.removeEventListener('dragover', over);
      document.removeEventListener('drop', drop);
    };
  }, [droppedFilePaths, open]);
}
