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
 * The quota assumed when the area states none: `storage.session.QUOTA_BYTES` is 10 MB in Chrome, and MDN
 * documents the same for Firefox, whose older versions do not expose it.
 */
export const DEFAULT_QUOTA_BYTES = 10 * 1024 * 1024;

/**
 * The byte budget for captured exchanges, in the measure of session-bytes.ts: 80 % of the area's quota (the rest
 * is headroom for the per-tab meta keys), at most {@link MAX_STORE_BYTES}. A quota that is missing or not a
 * positive number counts as {@link DEFAULT_QUOTA_BYTES}. Does not query the browser.
 */
export function byteBudget(quotaBytes: unknown): number {
  const quota = typeof quotaBytes === 'number' && Number.isFinite(quotaBytes) && quotaBytes > 0 ? quotaBytes : DEFAULT_QUOTA_BYTES;
  return Math.min(MAX_STORE_BYTES, Math.floor(quota * 0.8));
}
