/**
 * Re-adds the webRequest listeners when host access is granted. Chromium refuses a webRequest `addListener`
 * made while the extension has no host access at all (no granted and no withheld host permission): the worker's
 * console then shows "You need to request host permissions in the manifest file in order to be notified about
 * requests from the webRequest API" once per listener, and the listener never runs. The default build asks for
 * every host at run time, so on a fresh install the worker registers its listeners at the top level before the
 * user has granted anything; without this, webRequest stayed silent after the first grant until the worker
 * happened to restart. Firefox checks host access per request, where re-adding changes nothing.
 */

/** A capture source whose listeners can be removed and added again. */
export interface Reinstallable {
  reinstall(): void;
}

/** What `permissions.onAdded` passes: the permissions just granted. */
export interface GrantedPermissions {
  origins?: string[];
  permissions?: string[];
}

/** The member of `permissions.onAdded` used here. */
export interface PermissionsAddedEvent {
  addListener(callback: (granted: GrantedPermissions) => void): void;
}

/**
 * Listens to `onAdded` (call it at the worker's top level, like every listener) and re-installs every source
 * each time host origins are granted; API permissions alone change nothing. A source that throws is reported to
 * `onError` and the others are still re-installed. Does not react to removed permissions: the browser stops
 * delivering a host's requests once its access is gone, and the settings no longer name it.
 */
export function reinstallOnHostGrant(onAdded: PermissionsAddedEvent, sources: readonly Reinstallable[], onError: (error: unknown) => void): void {
  onAdded.addListener((granted) => {
    if ((granted.origins ?? []).length === 0) return;
    for (const source of sources) {
      try {
        source.reinstall();
      } catch (error) {
        onError(error);
      }
    }
  });
}
