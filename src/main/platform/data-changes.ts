// How many times any log's rows or review overlay changed in this process. Caches keyed on the
// state of every open log (query/logs-version.ts) look at each log only when this moved: a folder
// of 20,000 sample logs cost 7 ms a query to look through.
let changes = 0;

export function dataChanged(): void {
  changes++;
}

export function dataChanges(): number {
  return changes;
}
