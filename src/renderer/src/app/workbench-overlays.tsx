// The dialogs over the review screen: keyboard help, settings (flag options, Hub token), open
// folders, export.
import { Modal } from '../components/modal';
import { ExportDialog } from '../features/export/export-dialog';
import { ReplayDialog } from '../features/replay/replay-dialog';
import { OptionsPanel } from '../features/review/options-panel';
import { HubTokenSettings } from '../features/settings/hub-token-settings';
import { ColumnPicker } from '../features/table/column-picker';
import { ShortcutHelp } from '../features/shortcuts/shortcut-help';
import { OpenPanel } from '../features/workspace/open-panel';
import type { Workspace } from '../features/workspace/use-workspace';
import type { WorkbenchState } from './use-workbench';

interface Props {
  state: WorkbenchState;
  workspace: Workspace;
}

export function WorkbenchOverlays({ state, workspace }: Props): React.JSX.Element {
  const close = (): void => state.setOverlay(null);
  return (
    <>
      {state.overlay === 'help' && <ShortcutHelp onClose={close} />}
      {state.overlay === 'settings' && (
        <Modal title="Settings" onClose={close} testId="settings">
          <h3>Flag options</h3>
          <OptionsPanel
            state={state.optionsState}
            folderName={state.folderName}
            autoAdvance={state.autoAdvance}
          />
          <HubTokenSettings />
        </Modal>
      )}
      {state.overlay === 'export' && (
        <ExportDialog filter={state.filter} folders={workspace.folders} onClose={close} />
      )}
      {state.overlay === 'columns' && (
        <ColumnPicker
          columns={state.allColumns}
          layout={state.columnLayout.layout}
          onChange={state.columnLayout.set}
          onClose={close}
          scope={scopeName(state.columnScope)}
        />
      )}
      {state.overlay === 'replay' && (
        <ReplayDialog filter={state.filter} folders={workspace.folders} onClose={close} />
      )}
      {state.overlay === 'open' && (
        <Modal title="Open folders" onClose={close}>
          <OpenPanel workspace={workspace} onDone={close} />
        </Modal>
      )}
    </>
  );
}

/** The folders a column layout is remembered for, as the picker names them. */
function scopeName(scope: string): string {
  const paths = scope.split('\n');
  return paths.length === 1 ? paths[0] : `these ${paths.length} folders together`;
}
