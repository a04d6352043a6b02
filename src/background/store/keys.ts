/** The store's keys in the storage area: one per exchange, one meta key per tab. */

/** `x:<tabId>:<exchangeId>`: one captured exchange. */
export function exchangeKey(tabId: number, exchangeId: string): string {
  return `x:${tabId}:${exchangeId}`;
}

/** `t:<tabId>`: a tab's {@link TabMeta}. */
export function metaKey(tabId: number): string {
  return `t:${tabId}`;
}

/** What a stored key names; undefined for keys that are not the store's. */
export type ParsedKey = { kind: 'exchange'; tabId: number; exchangeId: string } | { kind: 'meta'; tabId: number };

/** Reads a key written by {@link exchangeKey} or {@link metaKey}. Does not look at the value. */
export function parseKey(key: string): ParsedKey | undefined {
  const x = /^x:(\d{1,15}):(.+)$/s.exec(key);
  if (x) return { kind: 'exchange', tabId: Number(x[1]), exchangeId: x[2] ?? '' };
  const t = /^t:(\d{1,15})$/.exec(key);
  if (t) return { kind: 'meta', tabId: Number(t[1]) };
  return undefined;
}
