/**
 * "Capture <host> with DevTools closed too" (issue 9 §2): asks the browser for access to one host, inside the
 * user's click, then adds it to the configured domains and tells the worker. The browser access goes through
 * {@link CaptureHostDeps}, so tests drive it with fakes.
 */
import { domainPatterns, formatDomain, parseDomain } from '../shared/domains.js';
import type { Settings } from '../shared/settings.js';

/** What adding a host needs from the browser. */
export interface CaptureHostDeps {
  /** `permissions.request`: must be called in the same task as the click. */
  request(origins: string[]): Promise<boolean>;
  load(): Promise<Settings>;
  save(settings: Settings): Promise<void>;
  /** Tells the worker the settings changed. */
  notify(): Promise<unknown>;
}

/** What happened, in words for the panel. */
export interface CaptureHostResult {
  ok: boolean;
  message: string;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Adds `host` (`login.example.com` or `localhost:3000`) to the configured domains after the browser granted access
 * to it. Asks for the permission synchronously, before it returns: call it from a click handler. Resolves with
 * what happened (never rejects): refused, granted and added, or granted but not saved. Does not add a host that
 * does not parse, and adds nothing twice.
 */
export function captureHost(host: string, deps: CaptureHostDeps): Promise<CaptureHostResult> {
  const parsed = parseDomain(host);
  if ('error' in parsed) return Promise.resolve({ ok: false, message: `${host} is not a host that can be configured.` });
  let asked: Promise<boolean>;
  try {
    asked = deps.request(domainPatterns(parsed));
  } catch (error) {
    return Promise.resolve({ ok: false, message: `Host access to ${host} could not be requested: ${describe(error)}` });
  }
  const domain = formatDomain(parsed);
  return (async () => {
    try {
      if (!(await asked)) return { ok: false, message: `Host access to ${host} was refused: it is captured only while DevTools is open.` };
    } catch (error) {
      return { ok: false, message: `Host access to ${host} could not be requested: ${describe(error)}` };
    }
    try {
      const settings = await deps.load();
      if (!settings.domains.includes(domain)) await deps.save({ ...settings, domains: [...settings.domains, domain] });
    } catch (error) {
      return { ok: false, message: `Access to ${host} was granted, but the settings could not be saved: ${describe(error)}` };
    }
    // The worker reads the settings again when it starts; a stopped one need not be told.
    await deps.notify().catch(() => undefined);
    return { ok: true, message: `${domain} is a configured domain now: captured with DevTools closed too.` };
  })();
}
