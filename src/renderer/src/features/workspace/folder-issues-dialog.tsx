// What is wrong with one open folder, in full: its own problems (it cannot be watched, a log of it
// cannot be read) and each log's errors and warnings, one per line, selectable to copy.
import { Modal } from '../../components/modal';

interface Props {
  /** The folder as its chip names it. */
  name: string;
  issues: string[];
  onClose: () => void;
}

export function FolderIssuesDialog({ name, issues, onClose }: Props): React.JSX.Element {
  return (
    <Modal title={`Issues of ${name}`} onClose={onClose} testId="folder-issues-dialog">
      <ul className="folder-issues" aria-label="Issues">
        {issues.map((issue, i) => (
          <li key={i}>{issue}</li>
        ))}
      </ul>
    </Modal>
  );
}
