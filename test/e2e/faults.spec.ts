/**
 * Fault scenarios of the SPA login, each its own test, table-driven: the provider (or a proxy in front of it)
 * misbehaves and the extension must say so with the named rule, on the right artifact.
 * - userinfo for another subject (a proxy rewrites `sub`): `x-ui-sub`;
 * - an access token already expired when received (the provider's clock for JWT access tokens runs two hours
 *   behind, well past any allowed skew): `exp-passed`.
 */
import { expect, test } from './support/extension-fixtures.js';
import type { LabOptions } from './support/lab.js';
import type { PanelArtifact } from './support/panel.js';
import { E2E_API } from './support/provider-config.js';
import { startSpaLogin, waitForDone } from './support/spa-page.js';

interface Fault {
  name: string;
  options: LabOptions;
  rule: string;
  /** The artifact the finding must name. */
  culprit: (a: PanelArtifact) => boolean;
}

const FAULTS: Fault[] = [
  { name: 'userinfo sub rewritten by a proxy gives x-ui-sub', options: { rewriteUserinfoSub: 'mallory' }, rule: 'x-ui-sub', culprit: (a) => a.kind === 'userinfo' && a.claims['sub'] === 'mallory' },
  { name: 'an access token expired on arrival gives exp-passed', options: { jwtAccessTokenClockOffset: -7200 }, rule: 'exp-passed', culprit: (a) => a.kind === 'access_token' && a.claims['aud'] === E2E_API },
];

for (const fault of FAULTS) {
  test.describe(() => {
    test.use({ labOptions: fault.options });
    test(fault.name, async ({ ext, lab, panelFor }) => {
      const page = await ext.context.newPage();
      await startSpaLogin(page, lab.spa.origin);
      await waitForDone(page);
      const panel = await panelFor(page);
      await panel.waitForAnalysis();
      await panel.waitFor(`a ${fault.rule} finding`, async (p) => (await p.findings()).some((f) => f.rule === fault.rule));

      const finding = (await panel.findings()).find((f) => f.rule === fault.rule);
      expect(finding?.severity).toBe('error');
      const culprit = (await panel.artifacts()).find(fault.culprit);
      expect(culprit, 'the misbehaving artifact is shown').toBeDefined();
      expect(finding?.artifacts).toContain(culprit?.id);
      await panel.showView('findings');
      await expect(panel.page.locator(`[data-testid="findings"] [data-testid="finding"][data-rule="${fault.rule}"]`).first()).toBeVisible();
    });
  });
}
