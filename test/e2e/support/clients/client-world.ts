/**
 * The world of one client library for one test: its app server and the provider shaped for it (libraries.ts),
 * started in the order their URLs depend on (the app first: its redirect URIs configure the provider) and closed
 * together. Starts no browser.
 */
import { startClientApp, type ClientAppServer } from './app-server.js';
import { startClientProvider, type ClientProvider } from './client-provider.js';
import { LIBRARY_WORLDS, type ClientLibrary, type LibraryWorld } from './libraries.js';
import { localhostIdentity } from './tls.js';

/** Everything running for one library. */
export interface ClientWorld {
  library: ClientLibrary;
  setup: LibraryWorld;
  app: ClientAppServer;
  provider: ClientProvider;
  close(): Promise<void>;
}

/** Browser flags the world needs: a self-signed certificate on https. */
export function browserArgs(world: ClientWorld): string[] {
  return world.setup.https ? ['--ignore-certificate-errors'] : [];
}

/** Starts the world of `library`; on a failure, closes whatever had started and rethrows. */
export async function startClientWorld(library: ClientLibrary): Promise<ClientWorld> {
  const setup = LIBRARY_WORLDS[library];
  const tls = setup.https ? await localhostIdentity() : undefined;
  const app = await startClientApp(library, tls);
  try {
    const provider = await startClientProvider({ ...setup.provider, redirectUris: app.redirectUris, ...(tls ? { tls } : {}) });
    app.configure(provider.issuer);
    return {
      library,
      setup,
      app,
      provider,
      close: async () => {
        await Promise.allSettled([app.close(), provider.close()]);
      },
    };
  } catch (error) {
    await app.close();
    throw error;
  }
}
