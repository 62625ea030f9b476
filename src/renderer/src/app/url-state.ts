// What the address bar keeps of the review screen (serve, and a reload of the desktop window): the
// filter, the sort and the selected sample, as query parameters. Anything unreadable is ignored.
import { SampleFilter, SampleSort } from '../../../shared/api';
import type { SampleRef } from '../../../shared/model';

export interface UrlState {
  filter: SampleFilter;
  sort: SampleSort | undefined;
  sample: SampleRef | undefined;
}

const KEYS = ['filter', 'sort', 'sample'] as const;

function parsed<T>(text: string | null, check: (value: unknown) => T | undefined): T | undefined {
  if (!text) return undefined;
  try {
    return check(JSON.parse(text));
  } catch {
    return undefined;
  }
}

export function readUrlState(search: string): UrlState {
  const params = new URLSearchParams(search);
  const filter = parsed(params.get('filter'), (v) => SampleFilter.safeParse(v).data) ?? {};
  const sort = parsed(params.get('sort'), (v) => SampleSort.safeParse(v).data);
  const sample = params.get('sample') ?? '';
  const cut = sample.indexOf(':');
  return {
    filter,
    sort,
    sample: cut > 0 ? { folderId: sample.slice(0, cut), id: sample.slice(cut + 1) } : undefined,
  };
}

/** The query string for `state`, keeping other parameters of `search` as they are. */
export function writeUrlState(search: string, state: UrlState): string {
  const params = new URLSearchParams(search);
  for (const key of KEYS) params.delete(key);
  if (Object.keys(state.filter).length > 0) params.set('filter', JSON.stringify(state.filter));
  if (state.sort) params.set('sort', JSON.stringify(state.sort));
  if (state.sample) params.set('sample', `${state.sample.folderId}:${state.sample.id}`);
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}
