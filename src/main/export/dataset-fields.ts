// The columns of a dataset export (imagefolder, audiofolder, Parquet) and each row's values: the
// media, every other component as text, then the review (label, original flag, status, note),
// the username as the privacy pass left it, and the provenance of the row.
import type { ExportPrivacy } from '../../shared/export';
import type { ExportColumn } from './columns';
import type { ExportSample } from './sample';

export type FieldType = 'image' | 'audio' | 'string';

export interface DatasetField {
  /** The feature's name in the loaded dataset. */
  name: string;
  dtype: FieldType;
  /** The component column it comes from; none for review and provenance fields. */
  column?: ExportColumn;
}

const REVIEW_FIELDS = ['label', 'original_flag', 'status', 'note', 'username', 'timestamp'] as const;
const PROVENANCE_FIELDS = ['source_log', 'sample_id', 'row_hash', 'reviewer', 'decided_at'] as const;
type FixedField = (typeof REVIEW_FIELDS)[number] | (typeof PROVENANCE_FIELDS)[number];

/**
 * Fields in order. `media`: which kinds become Image / Audio features (the others stay text);
 * `primaryName`: the name the first media column takes (`image` / `audio`, as a folder builder
 * names the `file_name` column).
 */
export function datasetFields(
  columns: ExportColumn[],
  privacy: ExportPrivacy,
  media: FieldType[],
  primaryName?: string,
): DatasetField[] {
  const fixed: FixedField[] = [...REVIEW_FIELDS, ...PROVENANCE_FIELDS].filter(
    (name) => name !== 'username' || privacy.username !== 'drop',
  );
  const taken = new Set<string>([...fixed, 'file_name', ...(primaryName ? [primaryName] : [])]);
  const unique = (name: string): string => {
    let candidate = name;
    for (let n = 2; taken.has(candidate); n++) candidate = `${name}_${n}`;
    taken.add(candidate);
    return candidate;
  };
  const mediaFields: DatasetField[] = [];
  const textFields: DatasetField[] = [];
  for (const column of columns) {
    const dtype = media.find((kind) => kind === column.kind);
    if (dtype) {
      const isPrimary = primaryName !== undefined && mediaFields.length === 0;
      mediaFields.push({ name: isPrimary ? primaryName : unique(column.name), dtype, column });
    } else textFields.push({ name: unique(column.name), dtype: 'string', column });
  }
  return [...mediaFields, ...textFields, ...fixed.map((name): DatasetField => ({ name, dtype: 'string' }))];
}

/** A text field's value for a sample ("" where there is none). */
export function textValue(field: DatasetField, sample: ExportSample): string {
  if (field.column) return sample.cells.get(field.column.name)?.text ?? '';
  const { review, originalReason, timestamp } = sample.row;
  switch (field.name as FixedField) {
    case 'label':
      return sample.label ?? '';
    case 'original_flag':
      return originalReason ?? '';
    case 'status':
      return review.status;
    case 'note':
      return review.note;
    case 'username':
      return sample.username ?? '';
    case 'timestamp':
      return timestamp ?? '';
    default:
      return sample.provenance[field.name as (typeof PROVENANCE_FIELDS)[number]] ?? '';
  }
}
