// Loaded into `flagdeck serve` with --import: every directory watch fails as past Linux's limit of
// inotify watches (ENOSPC), as on a machine whose other programs hold them all.
import { failWatches } from '../../support/failing-watch.mjs';

failWatches(() => true);
