/**
 * The part of a WebExtension storage area the capture store uses: `browser.storage.session` in the worker, an
 * in-memory fake in unit tests. Deliberately without `clear()`: the store only ever sets and removes its own keys.
 */
export interface StorageArea {
  /** `null` reads everything. */
  get(keys: null | string | string[]): Promise<Record<string, unknown>>;
  /** Sets the given keys; other keys are left as they are. */
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

/** The most the store keeps, whatever the browser allows (issue 3 §4). */
export const MAX_STORE_BYTES = 50 * 1024 * 1024;

/**
 * The byte budget for captured exchanges: 80 % of the area's quota when the browser states one (Chrome's
 * `storage.session.QUOTA_BYTES` is 10 MB; the rest is headroom for the per-tab meta keys), at most
 * {@link MAX_STORE_BYTES}. Firefox states no quota for the session area: then the 50 MB cap alone.
 */
export function byteBudget(quotaBytes: unknown): number {
  if (typeof quotaBytes !== 'number' || !Number.isFinite(quotaBytes) || quotaBytes <= 0) return MAX_STORE_BYTES;
  return Math.min(MAX_STORE_BYTES, Math.floor(quotaBytes * 0.8));
}
