/**
 * A fake `webRequest` namespace for unit tests of the webRequest capture source, modelled on Chromium: a
 * listener added while `hostAccess` is false is refused (kept by the event object, never called), as Chromium's
 * webRequestInternal.addEventListener refuses one when the extension has no host permission at all. `emit`
 * calls the accepted listeners of one event with the details, in the order they were added.
 */

/** One addListener call as the fake saw it. */
export interface FakeRegistration {
  callback: (details: unknown) => unknown;
  extra: unknown[];
  accepted: boolean;
}

/** One fake event. */
export interface FakeEvent {
  registrations: FakeRegistration[];
  removed: ((details: unknown) => unknown)[];
  addListener(callback: (details: unknown) => unknown, ...extra: unknown[]): void;
  removeListener(callback: (details: unknown) => unknown): void;
}

export const EVENT_NAMES = ['onBeforeRequest', 'onSendHeaders', 'onBeforeRedirect', 'onCompleted', 'onErrorOccurred'] as const;
export type EventName = (typeof EVENT_NAMES)[number];

/** The fake namespace and its switch. */
export interface FakeWebRequest {
  /** What Chromium decides at addListener time: false on a fresh default install, true once a host is granted. */
  hostAccess: boolean;
  events: Record<EventName, FakeEvent>;
  /** Calls the accepted listeners of `name`. */
  emit(name: EventName, details: unknown): void;
  /** Listeners now on `name` (accepted or not). */
  current(name: EventName): FakeRegistration[];
}

/** A fake webRequest namespace with no listener yet and host access as given. */
export function fakeWebRequest(hostAccess = true): FakeWebRequest {
  const fake = { hostAccess } as FakeWebRequest;
  const event = (): FakeEvent => ({
    registrations: [],
    removed: [],
    addListener(callback, ...extra) {
      this.registrations.push({ callback, extra, accepted: fake.hostAccess });
    },
    removeListener(callback) {
      const at = this.registrations.findIndex((r) => r.callback === callback);
      if (at < 0) return;
      this.registrations.splice(at, 1);
      this.removed.push(callback);
    },
  });
  fake.events = Object.fromEntries(EVENT_NAMES.map((name) => [name, event()])) as Record<EventName, FakeEvent>;
  fake.current = (name) => [...fake.events[name].registrations];
  fake.emit = (name, details) => {
    for (const r of fake.current(name)) if (r.accepted) r.callback(details);
  };
  return fake;
}
