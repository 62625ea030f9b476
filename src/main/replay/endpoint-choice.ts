// Which endpoint of an app a replay calls: the one named (with or without its leading slash), else
// /predict, else the app's only one; otherwise a refusal listing what the app has.
import type { Endpoint } from '../../shared/replay';
import { MappingError } from './mapping';

export function pickEndpoint(endpoints: Endpoint[], apiName: string | undefined, app: string): Endpoint {
  const names = endpoints.map((e) => e.apiName).join(', ') || 'none';
  if (apiName === undefined) {
    const only =
      endpoints.find((e) => e.apiName === '/predict') ?? (endpoints.length === 1 ? endpoints[0] : undefined);
    if (!only) throw new MappingError(`${app} has several endpoints (${names}); choose one with --api-name`);
    return only;
  }
  const wanted = apiName.startsWith('/') ? apiName : `/${apiName}`;
  const found = endpoints.find((e) => e.apiName === wanted);
  if (!found) throw new MappingError(`${app} has no endpoint ${wanted} (endpoints: ${names})`);
  return found;
}
