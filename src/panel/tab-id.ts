/**
 * Which tab the panel shows: `?tab=<id>` in the page URL wins (a panel opened in a normal tab, tests), else the
 * tab DevTools inspects. Pure: the caller passes the DevTools tab id it could read.
 */

/** The tab id of a `?tab=` parameter: a non-negative safe integer in decimal, else undefined. */
export function tabIdFromSearch(search: string): number | undefined {
  const text = new URLSearchParams(search).get('tab');
  if (text === null || !/^\d{1,15}$/.test(text)) return undefined;
  const id = Number(text);
  return Number.isSafeInteger(id) ? id : undefined;
}

/**
 * The tab to show: the `?tab=` parameter of `search`, else `devtoolsTabId` when it is a non-negative integer,
 * else undefined (then the panel says how to open it). Does not check that the tab exists.
 */
export function resolveTabId(search: string, devtoolsTabId: unknown): number | undefined {
  const fromUrl = tabIdFromSearch(search);
  if (fromUrl !== undefined) return fromUrl;
  return typeof devtoolsTabId === 'number' && Number.isSafeInteger(devtoolsTabId) && devtoolsTabId >= 0
    ? devtoolsTabId
    : undefined;
}
