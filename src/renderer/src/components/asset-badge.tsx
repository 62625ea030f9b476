// A missing or outside-the-folder asset is a badge with the reference, never a broken image.
import type { AssetRef } from '../../../shared/model';

export function AssetBadge({ asset }: { asset: AssetRef }): React.JSX.Element {
  const text = asset.status === 'outside' ? 'outside folder' : 'missing';
  return (
    <span
      className={`badge badge-${asset.status}`}
      data-testid={`asset-${asset.status}`}
      title={`${asset.status === 'outside' ? 'Points outside the flagging folder' : 'File not found'}: ${asset.ref}`}
    >
      {text}: {baseName(asset.ref)}
    </span>
  );
}

export function baseName(ref: string): string {
  const parts = ref.split(/[\\/]/);
  return parts[parts.length - 1] || ref;
}
