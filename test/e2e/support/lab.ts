/**
 * The whole e2e world for one test: the provider (optionally behind the userinfo-rewriting proxy), the SPA, the
 * server-side RP and the unconfigured site, started in the order their URLs depend on and closed together.
 * Starts no browser.
 */
import type { Listening } from './listen.js';
import { startProvider, type RunningProvider } from './provider.js';
import type { ProviderTimes } from './provider-config.js';
import { startServerRp, startSpaServer, startUnconfiguredSite, type ServerRp, type SpaServer } from './relying-party.js';

/** Provider options a test may vary. */
export interface LabOptions extends ProviderTimes {
  /** Answer userinfo with this `sub` (through a proxy that then is the issuer). */
  rewriteUserinfoSub?: string;
}

/** Everything running for one test. */
export interface Lab {
  provider: RunningProvider;
  spa: SpaServer;
  serverRp: ServerRp;
  unconfigured: Listening;
  close(): Promise<void>;
}

/** Starts the lab; on a failure, closes whatever had started and rethrows. */
export async function startLab(options: LabOptions = {}): Promise<Lab> {
  const started: { close(): Promise<void> }[] = [];
  const track = <T extends { close(): Promise<void> }>(thing: T): T => {
    started.push(thing);
    return thing;
  };
  const close = async () => {
    await Promise.allSettled(started.map((s) => s.close()));
  };
  try {
    const [spa, serverRp, unconfigured] = await Promise.all([startSpaServer().then(track), startServerRp().then(track), startUnconfiguredSite().then(track)]);
    const provider = track(await startProvider({ ...options, spaRedirectUris: [spa.redirectUri], serverRedirectUris: [serverRp.redirectUri] }));
    spa.configure(provider.issuer);
    serverRp.configure(provider.issuer);
    return { provider, spa, serverRp, unconfigured, close };
  } catch (error) {
    await close();
    throw error;
  }
}
