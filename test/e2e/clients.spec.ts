/**
 * Real client libraries captured by the extension in Chromium, one test per library and login mode: the app's
 * login, userinfo, refresh and silent renew against oidc-provider shaped for the library (see
 * support/clients/libraries.ts), then the panel of the app's tab must show one flow per login, the login's flow
 * with authorize request and response, token, userinfo and refresh, the ID, access and refresh tokens and the
 * userinfo response in it, every JWT signature valid against the provider's keys (key fetching switched on first,
 * as a user would on the options page) and no error finding. A failure lists every expectation the panel missed,
 * then what it showed.
 */
import { TEST_LOGIN } from './support/accounts.js';
import { captureFailures, snapshot, type ExpectedCapture } from './support/clients/capture-expectations.js';
import { expect, test } from './support/clients/client-extension-fixtures.js';
import { expectClientDone, startClientLogin } from './support/clients/client-page.js';
import { CLIENT_LIBRARIES, LIBRARY_WORLDS } from './support/clients/libraries.js';

/** How long the panel may take to show the whole login after the app finished. */
const CAPTURE_TIMEOUT = 20_000;

// Each read of the panel clicks through every flow, and a panel that never shows everything is polled for
// CAPTURE_TIMEOUT and read once more for the message: more than the default 90 s on a busy two-core machine.
test.describe.configure({ timeout: 180_000 });

const CASES = CLIENT_LIBRARIES.flatMap((library) => LIBRARY_WORLDS[library].modes.map((mode) => ({ library, mode })));

for (const c of CASES) {
  test.describe(`${c.library} (${c.mode})`, () => {
    test.use({ clientLibrary: c.library });

    test('one flow per login, tokens decoded, userinfo in the flow, signatures valid, no error', async ({ ext, world, panelFor }) => {
      await ext.updateSettings({ fetchKeys: true });
      const page = await ext.context.newPage();
      await startClientLogin(page, world, c.mode);
      await expectClientDone(page, world);

      const panel = await panelFor(page);
      await panel.waitForAnalysis();
      const expected: ExpectedCapture = { issuer: world.provider.issuer, subject: TEST_LOGIN, logins: world.setup.steps.includes('silent') ? 2 : 1 };
      try {
        await panel.waitFor(`the whole ${c.library} login`, async (p) => captureFailures(await snapshot(p), expected).length === 0, CAPTURE_TIMEOUT);
      } catch (error) {
        // The cause carries what the panel showed (describe()); this message says what it missed.
        const failures = captureFailures(await snapshot(panel), expected);
        throw new Error(`${c.library} (${c.mode}): the panel misses\n- ${failures.join('\n- ')}`, { cause: error });
      }
      await test.info().attach('panel', { body: await panel.describe(), contentType: 'application/json' });
      expect(captureFailures(await snapshot(panel), expected)).toEqual([]);
    });
  });
}
