// Review edits (one journal entry per edit, bulk included, so one undo step each), undo and redo,
// with a short message for the status line.
import { useCallback, useState } from 'react';
import type { EditInput, ReviewPatch, SampleFilter } from '../../../../shared/api';
import type { SampleRef } from '../../../../shared/model';
import { useApi } from '../../common/api-context';
import { errorMessage } from '../../common/errors';
import { editTargets, type Selection } from '../../common/selection';

export interface ReviewActions {
  message: string | null;
  edit(patch: ReviewPatch, what: string): Promise<boolean>;
  /** Edits exactly this sample, whatever is selected (undoing one entry of its history). */
  editSample(sample: SampleRef, patch: ReviewPatch, what: string): Promise<boolean>;
  undo(): Promise<void>;
  redo(): Promise<void>;
}

/** `onSaved` refreshes what is shown, so the screen is right even if the change event is late. */
export function useReviewActions(
  selection: Selection,
  current: SampleRef | undefined,
  filter: SampleFilter,
  onSaved: () => void,
): ReviewActions {
  const { client } = useApi();
  const [message, setMessage] = useState<string | null>(null);

  const save = useCallback(
    async (targets: EditInput['targets'], patch: ReviewPatch, what: string): Promise<boolean> => {
      try {
        const { count } = await client.call('review.edit', { targets, patch });
        setMessage(`${what}: ${count} sample${count === 1 ? '' : 's'} saved`);
        onSaved();
        return true;
      } catch (e) {
        setMessage(`Not saved (${what}): ${errorMessage(e)}`);
        return false;
      }
    },
    [client, onSaved],
  );

  const edit = useCallback(
    async (patch: ReviewPatch, what: string): Promise<boolean> => {
      const targets = editTargets(selection, current, filter);
      if (targets) return save(targets, patch, what);
      setMessage('Select a sample first');
      return false;
    },
    [save, selection, current, filter],
  );

  const editSample = useCallback(
    (sample: SampleRef, patch: ReviewPatch, what: string) =>
      save({ samples: [{ folderId: sample.folderId, id: sample.id }] }, patch, what),
    [save],
  );

  const step = useCallback(
    async (name: 'review.undo' | 'review.redo') => {
      try {
        const { editId, what } = await client.call(name, {});
        const undo = name === 'review.undo';
        if (!editId) setMessage(undo ? 'Nothing to undo' : 'Nothing to redo');
        else setMessage(`${undo ? 'Undid' : 'Redid'}: ${what ?? 'the last edit'}`);
        if (editId) onSaved();
      } catch (e) {
        setMessage(errorMessage(e));
      }
    },
    [client, onSaved],
  );

  return {
    message,
    edit,
    editSample,
    undo: useCallback(() => step('review.undo'), [step]),
    redo: useCallback(() => step('review.redo'), [step]),
  };
}
