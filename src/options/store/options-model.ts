/**
 * The options page's state and actions: the settings as signals, host access per domain, the last notice, and
 * the actions the components call. Browser access only through {@link OptionsDeps}, so tests drive it with fakes.
 */
import { signal, type ReadonlySignal, type Signal } from '@preact/signals';
import { domainPatterns, parseDomain } from '../../shared/domains.js';
import type { Settings } from '../../shared/settings.js';
import { domainProblemMessage } from '../domain-messages.js';
import { patternsToRelease } from '../patterns.js';
import { planAddition } from '../plan-addition.js';
import type { OptionsDeps } from './options-deps.js';

/** A line shown to the user after an action. */
export interface Notice {
  kind: 'info' | 'error';
  text: string;
}

/** The options page's signals and actions; see {@link createOptionsModel}. */
export interface OptionsModel {
  /** The stored settings; undefined until loaded. */
  settings: ReadonlySignal<Settings | undefined>;
  /** Host access per configured domain: true granted, false missing; absent while unknown. */
  access: ReadonlySignal<Readonly<Record<string, boolean>>>;
  notice: Signal<Notice | undefined>;
  deps: OptionsDeps;
  /** Loads the settings and subscribes to changes. */
  start(): Promise<void>;
  /** Removes the subscriptions. */
  stop(): void;
  /**
   * Adds domain entries after asking for host access. Calls `permissions.request` synchronously, before it
   * returns, so it must be called from a click or submit handler. Resolves to whether anything was added.
   */
  addDomains(entries: readonly string[], what: string): Promise<boolean>;
  /** Asks again for host access to a configured domain. Same user-gesture rule as {@link addDomains}. */
  grantAccess(domain: string): Promise<void>;
  /** Removes a domain (never a built-in one) and gives back the host access no other domain needs. */
  removeDomain(domain: string): Promise<void>;
  /** Saves the settings `change` makes of the current ones, and tells the worker. */
  update(change: (settings: Settings) => Settings): Promise<void>;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function patternsOf(domain: string): string[] {
  const parsed = parseDomain(domain);
  return 'error' in parsed ? [] : domainPatterns(parsed);
}

/** Creates the model. Does not load anything until {@link OptionsModel.start}. */
export function createOptionsModel(deps: OptionsDeps): OptionsModel {
  const settings = signal<Settings | undefined>(undefined);
  const access = signal<Readonly<Record<string, boolean>>>({});
  const notice = signal<Notice | undefined>(undefined);
  const unsubscribes: (() => void)[] = [];
  let accessRound = 0;

  async function refreshAccess(): Promise<void> {
    const round = ++accessRound;
    const domains = settings.value?.domains ?? [];
    const entries = await Promise.all(
      domains.map(async (domain): Promise<[string, boolean] | undefined> => {
        try {
          return [domain, await deps.hasOrigins(patternsOf(domain))];
        } catch {
          return undefined;
        }
      }),
    );
    // A later round started while this one waited: its answer is newer.
    if (round !== accessRound) return;
    access.value = Object.fromEntries(entries.filter((e): e is [string, boolean] => e !== undefined));
  }

  function show(kind: Notice['kind'], text: string): void {
    notice.value = { kind, text };
  }

  async function persist(next: Settings): Promise<boolean> {
    try {
      await deps.saveSettings(next);
    } catch (error) {
      show('error', `The settings could not be saved: ${describe(error)}`);
      return false;
    }
    settings.value = next;
    try {
      await deps.notifyWorker();
    } catch (error) {
      show('error', `Saved, but the capture worker could not be told: ${describe(error)}`);
      return false;
    }
    return true;
  }

  function addDomains(entries: readonly string[], what: string): Promise<boolean> {
    const current = settings.value;
    if (current === undefined) return Promise.resolve(false);
    const plan = planAddition(entries, current.domains);
    const firstRefused = plan.refused[0];
    if (plan.add.length === 0) {
      show('error', firstRefused ? domainProblemMessage(firstRefused.problem) : `Nothing to add for ${what}.`);
      return Promise.resolve(false);
    }
    // Before any await: the browser grants the request only inside the user gesture.
    const request = deps.requestOrigins(plan.patterns);
    return (async () => {
      let granted: boolean;
      try {
        granted = await request;
      } catch (error) {
        show('error', `Host access to ${plan.add.join(', ')} could not be requested: ${describe(error)}`);
        return false;
      }
      if (!granted) {
        show('error', `Host access to ${plan.add.join(', ')} was refused, so ${what} was not added.`);
        return false;
      }
      const latest = settings.value ?? current;
      const added = plan.add.filter((d) => !latest.domains.includes(d));
      const saved = await persist({ ...latest, domains: [...latest.domains, ...added] });
      if (saved) show('info', `Added ${added.join(', ') || what}.`);
      await refreshAccess();
      return saved;
    })();
  }

  function grantAccess(domain: string): Promise<void> {
    const request = deps.requestOrigins(patternsOf(domain));
    return (async () => {
      try {
        const granted = await request;
        show(granted ? 'info' : 'error', granted ? `Host access to ${domain} granted.` : `Host access to ${domain} was refused.`);
      } catch (error) {
        show('error', `Host access to ${domain} could not be requested: ${describe(error)}`);
      }
      await refreshAccess();
    })();
  }

  async function removeDomain(domain: string): Promise<void> {
    const current = settings.value;
    if (current === undefined || deps.builtInDomains.includes(domain)) return;
    const after = current.domains.filter((d) => d !== domain);
    if (!(await persist({ ...current, domains: after }))) return;
    const release = patternsToRelease(current.domains, after, deps.builtInDomains);
    try {
      if (release.length > 0) await deps.removeOrigins(release);
      show('info', `Removed ${domain}${release.length > 0 ? ' and gave back its host access' : ''}.`);
    } catch (error) {
      show('error', `Removed ${domain}, but its host access could not be given back: ${describe(error)}`);
    }
    await refreshAccess();
  }

  async function update(change: (s: Settings) => Settings): Promise<void> {
    const current = settings.value;
    if (current === undefined) return;
    if (await persist(change(current))) show('info', 'Saved.');
  }

  async function start(): Promise<void> {
    unsubscribes.push(
      deps.onSettingsChanged((next) => {
        settings.value = next;
        void refreshAccess();
      }),
      deps.onPermissionsChanged(() => void refreshAccess()),
    );
    try {
      settings.value = await deps.loadSettings();
    } catch (error) {
      show('error', `The settings could not be read: ${describe(error)}`);
      return;
    }
    await refreshAccess();
  }

  function stop(): void {
    for (const unsubscribe of unsubscribes.splice(0)) unsubscribe();
  }

  return { settings, access, notice, deps, start, stop, addDomains, grantAccess, removeDomain, update };
}
