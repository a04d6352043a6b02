/**
 * The inspector's engine (src/core) on traffic Playwright recorded in plain Chromium, without the extension:
 * predicts what the extension must conclude from the same logins (artifact kinds, signatures valid against the
 * provider's JWKS, the fault findings, no error on the clean flow). A failure here is the engine's, not the
 * capture's.
 */
import { writeFile } from 'node:fs/promises';
import { analyzeRecordedHar, summarize } from './support/engine-check.js';
import { expect, test } from './support/fixtures.js';
import type { LabOptions } from './support/lab.js';
import { loginAtProvider } from './support/idp-pages.js';
import { expectSteps, startSpaLogin, waitForDone } from './support/spa-page.js';

test.describe('the inspector engine on recorded traffic (what the extension should conclude)', () => {
  const cases: { name: string; options: LabOptions; expectRules: string[]; errorFree: boolean }[] = [
    { name: 'clean flow', options: {}, expectRules: [], errorFree: true },
    { name: 'userinfo sub rewritten', options: { rewriteUserinfoSub: 'mallory' }, expectRules: ['x-ui-sub'], errorFree: false },
    { name: 'expired JWT access token', options: { jwtAccessTokenClockOffset: -7200 }, expectRules: ['exp-passed'], errorFree: false },
  ];
  for (const c of cases) {
    test.describe(() => {
      test.use({ labOptions: c.options });
      test(c.name, async ({ browser, lab }, testInfo) => {
        const harPath = testInfo.outputPath('flow.har');
        const context = await browser.newContext({ recordHar: { path: harPath, content: 'embed' } });
        try {
          const page = await context.newPage();
          await startSpaLogin(page, lab.spa.origin);
          await waitForDone(page);
          await expectSteps(page, { token: 'ok', refresh: 'ok', introspection: 'ok' });
        } finally {
          await context.close();
        }
        const summary = summarize(await analyzeRecordedHar(harPath));
        await writeFile(testInfo.outputPath('engine-summary.json'), JSON.stringify(summary, null, 2));
        expect(summary.kinds).toEqual(expect.arrayContaining(['id_token', 'access_token', 'opaque_token/access_token', 'opaque_token/refresh_token', 'userinfo', 'introspection']));
        expect(Object.values(summary.signatures).every((s) => s === 'valid'), JSON.stringify(summary.signatures)).toBe(true);
        expect(summary.rules).toEqual(expect.arrayContaining(c.expectRules));
        if (c.errorFree) expect(summary.errors).toEqual([]);
      });
    });
  }
});

test('confidential client: the engine shows a server-side flow with a step that is not observable', async ({ browser, lab }, testInfo) => {
  const harPath = testInfo.outputPath('flow.har');
  const context = await browser.newContext({ recordHar: { path: harPath, content: 'embed' } });
  try {
    const page = await context.newPage();
    await page.goto(`${lab.serverRp.origin}/login`);
    await loginAtProvider(page);
    await waitForDone(page);
    await expectSteps(page, { token: 'ok' });
  } finally {
    await context.close();
  }
  const summary = summarize(await analyzeRecordedHar(harPath));
  await writeFile(testInfo.outputPath('engine-summary.json'), JSON.stringify(summary, null, 2));
  expect(summary.flows.some((f) => f.serverSide && f.steps.some((s) => s.endsWith('(not observable)'))), JSON.stringify(summary.flows)).toBe(true);
  expect(summary.errors).toEqual([]);
});
