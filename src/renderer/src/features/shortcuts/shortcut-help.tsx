// The `?` overlay: every shortcut, grouped, straight from the keymap.
import { Modal } from '../../components/modal';
import { describeKeys, shortcuts } from './keymap';

const groups = ['Move', 'Review', 'Media', 'View'] as const;

export function ShortcutHelp({ onClose }: { onClose: () => void }): React.JSX.Element {
  return (
    <Modal title="Keyboard shortcuts" onClose={onClose} testId="shortcut-help">
      <div className="shortcut-groups">
        {groups.map((group) => (
          <section key={group}>
            <h3>{group}</h3>
            <dl>
              {shortcuts
                .filter((s) => s.group === group)
                .map((s) => (
                  <div className="shortcut" key={describeKeys(s)}>
                    <dt>
                      <kbd>{describeKeys(s)}</kbd>
                    </dt>
                    <dd>{s.label}</dd>
                  </div>
                ))}
            </dl>
          </section>
        ))}
      </div>
      <p className="muted">
        Shift/Ctrl-click rows to select several; review keys then apply to the whole selection.
      </p>
    </Modal>
  );
}
