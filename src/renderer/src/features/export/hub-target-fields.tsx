// The Hub push's fields in the Export dialog: the dataset repo, its visibility when it is created,
// and which Hub. The token is never asked for here: the main process reads it (keychain, HF_TOKEN,
// or the huggingface token file).
import { repoIdProblem, type HubFields } from './hub-fields';

interface Props {
  id: string;
  fields: HubFields;
  onChange(fields: HubFields): void;
}

export function HubTargetFields({ id, fields, onChange }: Props): React.JSX.Element {
  const problem = repoIdProblem(fields.repo);
  return (
    <>
      <label htmlFor={`${id}-repo`}>Dataset repo</label>
      <input
        id={`${id}-repo`}
        value={fields.repo}
        placeholder="owner/name"
        aria-invalid={problem !== null}
        onChange={(e) => onChange({ ...fields, repo: e.target.value })}
        spellCheck={false}
      />
      {problem && (
        <p className="error hub-field-error" role="alert">
          {problem}
        </p>
      )}
      <label className="check">
        <input
          type="checkbox"
          checked={fields.isPublic}
          onChange={(e) => onChange({ ...fields, isPublic: e.target.checked })}
        />
        Make a new repo public (it is private otherwise; an existing repo keeps its visibility)
      </label>
      <label htmlFor={`${id}-hub-url`}>Hub URL</label>
      <input
        id={`${id}-hub-url`}
        value={fields.hubUrl}
        placeholder="https://huggingface.co"
        onChange={(e) => onChange({ ...fields, hubUrl: e.target.value })}
        spellCheck={false}
      />
    </>
  );
}
