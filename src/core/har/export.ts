/** HAR 1.2 export of Exchanges. */
import type { Exchange } from '../model.js';
import { exchangeToEntry } from './export-entry.js';
import type { HarLog } from './types.js';

const startOf = (ex: Exchange) => (Number.isFinite(ex.startedAt) ? ex.startedAt : 0);

/**
 * A HAR 1.2 file (`{ log }`) of the exchanges, entries in time order (ties keep their order), bodies exactly as
 * captured (base64 kept with `encoding: 'base64'`), form values decoded in `postData.params`. `importHar` of its
 * JSON gives back the same exchanges, apart from ids, `seenBy`, sub-millisecond times and the notes the import adds
 * for what the HAR can't say. Does not redact anything, does not modify or clone the exchanges' bodies.
 */
export function exportHar(exchanges: Exchange[], creator: { name: string; version: string }): HarLog {
  const ordered = [...exchanges].sort((a, b) => startOf(a) - startOf(b));
  return {
    log: {
      version: '1.2',
      creator: { name: String(creator.name), version: String(creator.version) },
      pages: [],
      entries: ordered.map(exchangeToEntry),
    },
  };
}
