/**
 * Login popups and the tabs that opened them (issue 9 §3, "Popups"): `loginPopup` of MSAL, auth0 and others runs
 * the authorization request and its redirect in a popup window, which closes right after. Linking the popup to
 * its opener lets the opener's panel show the whole login as one flow, and keep it when the popup is gone.
 */

/** What the browser says about a tab: the tab that opened it (if any) and whether it is in a popup window. */
export interface TabOrigin {
  openerTabId?: number;
  popup: boolean;
}

/** What {@link createTabLinks} asks the browser. */
export interface TabLinkDeps {
  /** The tab's opener and window type; undefined (or a rejection) when the tab is gone. */
  describe(tabId: number): Promise<TabOrigin | undefined>;
}

/** Which tab a tab's captures also belong to. */
export interface TabLinks {
  /** The opener of `tabId` when `tabId` is a popup window another tab opened; else undefined. Never rejects. */
  linkedTab(tabId: number): Promise<number | undefined>;
  /** The tab closed: forget what was learnt about it (tab ids are not reused within a browser session). */
  forget(tabId: number): void;
}

/**
 * Links over `deps`, asking the browser once per tab (the answer is cached until {@link TabLinks.forget}). Only a
 * popup window is linked: a tab opened from a link (`target=_blank`) is a page of its own, not part of a login.
 * Keeps nothing in storage: after a worker restart the browser is asked again (it knows the opener while it lives).
 */
export function createTabLinks(deps: TabLinkDeps): TabLinks {
  const known = new Map<number, Promise<number | undefined>>();
  return {
    linkedTab(tabId) {
      let answer = known.get(tabId);
      if (!answer) {
        answer = deps.describe(tabId).then(
          (origin) => (origin?.popup && typeof origin.openerTabId === 'number' && origin.openerTabId !== tabId ? origin.openerTabId : undefined),
          () => undefined,
        );
        known.set(tabId, answer);
      }
      return answer;
    },
    forget: (tabId) => void known.delete(tabId),
  };
}
