/**
 * Page object of the extension's panel page, read through its DOM contract (`data-testid` hooks and `data-*`
 * attributes): connection, capture status, flows, steps, artifacts, claims, findings and exchanges. The panel
 * shows one view and one flow at a time, so readers switch views and select flows. Waits on conditions, never sleeps. Works on a Playwright
 * page (the panel opened in a tab); the DevTools-embedded panel is read with devtools.ts.
 */
import { expect, type Locator, type Page } from '@playwright/test';

/** One artifact as the panel shows it. */
export interface PanelArtifact {
  id: string;
  kind: string;
  role: string;
  flowId: string;
  signature: string;
  claims: Record<string, unknown>;
}

/** One finding as the panel shows it. */
export interface PanelFinding {
  rule: string;
  severity: string;
  flowId: string;
  artifacts: string[];
  message: string;
}

/** One flow with its steps. */
export interface PanelFlow {
  id: string;
  issuer: string;
  subject: string;
  type: string;
  serverSide: boolean;
  steps: { kind: string; observable: boolean; status: string; sources: string[] }[];
}

/** One exchange row. */
export interface PanelExchange {
  url: string;
  method: string;
  status: string;
  sources: string[];
}

const list = (value: string | undefined) => (value ? value.split(',').filter(Boolean) : []);

/** The panel for one tab. */
export class PanelPage {
  constructor(readonly page: Page) {}

  get status(): Locator {
    return this.page.getByTestId('capture-status');
  }

  /** Waits until the panel is connected and shows an analysis of at least `minExchanges` exchanges. */
  async waitForAnalysis(minExchanges = 1): Promise<void> {
    await expect(this.page.getByTestId('connection')).toHaveAttribute('data-state', 'connected');
    await expect(async () => {
      await expect(this.status).toHaveAttribute('data-analyzed', 'true', { timeout: 1000 });
      expect(Number(await this.status.getAttribute('data-exchanges'))).toBeGreaterThanOrEqual(minExchanges);
    }).toPass({ timeout: 30_000 });
  }

  /** Waits until `condition` holds on the panel's current content (re-read on every try). */
  async waitFor(what: string, condition: (panel: PanelPage) => Promise<boolean>, timeout = 30_000): Promise<void> {
    try {
      await expect(async () => expect(await condition(this), what).toBe(true)).toPass({ timeout });
    } catch (error) {
      throw new Error(`panel never showed: ${what}\npanel shows: ${await this.describe()}`, { cause: error });
    }
  }

  /** A one-screen summary of what the panel shows, for failure messages. */
  async describe(): Promise<string> {
    // One after the other: each reader switches the panel's view.
    const counts = await this.counts().catch(() => undefined);
    const artifacts = await this.artifacts().catch(() => []);
    const findings = await this.findings().catch(() => []);
    const flows = await this.flows().catch(() => []);
    const exchanges = await this.exchanges().catch(() => []);
    return JSON.stringify(
      {
        connection: await this.page.getByTestId('connection').getAttribute('data-state').catch(() => null),
        counts,
        artifacts: artifacts.map((a) => `${a.id} ${a.kind}${a.role ? `/${a.role}` : ''} flow=${a.flowId} sig=${a.signature}`),
        findings: findings.map((f) => `${f.severity} ${f.rule} [${f.artifacts.join(',')}]`),
        flows: flows.map((f) => `${f.id} ${f.type} server-side=${f.serverSide} ${f.steps.map((st) => `${st.kind}${st.observable ? '' : '(not observable)'}[${st.sources.join('+')}]`).join(' ')}`),
        exchanges: exchanges.map((x) => `${x.method} ${x.url} ${x.status} [${x.sources.join('+')}]`),
      },
      null,
      1,
    );
  }

  /** Switches the panel to one of its views (flows, requests, findings, compare, paste). */
  async showView(view: 'flows' | 'requests' | 'findings' | 'compare' | 'paste'): Promise<void> {
    const tab = this.page.getByTestId(`view-${view}`);
    if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
    await expect(this.page.getByTestId('view')).toHaveAttribute('data-view', view);
  }

  /** Selects each flow in turn (and the artifacts in no flow) and calls `read` on its detail. */
  private async eachFlowDetail<T>(read: (detail: Locator) => Promise<T[]>): Promise<T[]> {
    await this.showView('flows');
    const out: T[] = [];
    const ids = await this.page.getByTestId('flow').evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.flowId ?? ''));
    for (const id of ids) {
      await this.page.locator(`[data-testid="flow"][data-flow-id="${id}"]`).click();
      const detail = this.page.locator(`[data-testid="flow-detail"][data-flow-id="${id}"]`);
      await detail.waitFor();
      out.push(...(await read(detail)));
    }
    const unlinked = this.page.getByTestId('unlinked');
    if ((await unlinked.count()) > 0) {
      await unlinked.click();
      const detail = this.page.locator('[data-testid="flow-detail"][data-flow-id=""]');
      await detail.waitFor();
      out.push(...(await read(detail)));
    }
    return out;
  }

  /** Shows the Flows view with flow `id` selected. */
  async selectFlow(id: string): Promise<void> {
    await this.showView('flows');
    await this.page.locator(`[data-testid="flow"][data-flow-id="${id}"]`).click();
    await this.page.locator(`[data-testid="flow-detail"][data-flow-id="${id}"]`).waitFor();
  }

  /** Every artifact of every flow and every artifact in no flow, each once. */
  async artifacts(): Promise<PanelArtifact[]> {
    const all = await this.eachFlowDetail((detail) =>
      detail.getByTestId('artifact').evaluateAll((els) =>
        els.map((el) => {
          const claims: Record<string, unknown> = {};
          for (const c of el.querySelectorAll<HTMLElement>('[data-testid="claim"]')) {
            const name = c.dataset.claim ?? '';
            try {
              claims[name] = JSON.parse(c.textContent ?? '');
            } catch {
              claims[name] = c.textContent;
            }
          }
          const d = (el as HTMLElement).dataset;
          return { id: d.artifactId ?? '', kind: d.kind ?? '', role: d.role ?? '', flowId: d.flowId ?? '', signature: d.signature ?? '', claims };
        }),
      ),
    );
    const seen = new Set<string>();
    return all.filter((a) => !seen.has(a.id) && seen.add(a.id));
  }

  /** Every finding, from the Findings view (message: the text of its `.message` element). */
  async findings(): Promise<PanelFinding[]> {
    await this.showView('findings');
    const raw = await this.page
      .locator('[data-testid="findings"] [data-testid="finding"]')
      .evaluateAll((els) => els.map((el) => ({ data: { ...(el as HTMLElement).dataset }, message: el.querySelector('.message')?.textContent ?? '' })));
    return raw.map(({ data: d, message }) => ({ rule: d.rule ?? '', severity: d.severity ?? '', flowId: d.flowId ?? '', artifacts: list(d.artifacts), message }));
  }

  /** Every flow with the steps of its timeline. */
  async flows(): Promise<PanelFlow[]> {
    await this.showView('flows');
    const rows = await this.page.getByTestId('flow').evaluateAll((els) => els.map((el) => ({ ...(el as HTMLElement).dataset })));
    const steps = new Map<string, Record<string, string | undefined>[]>();
    for (const row of rows) {
      const id = row.flowId ?? '';
      await this.page.locator(`[data-testid="flow"][data-flow-id="${id}"]`).click();
      const detail = this.page.locator(`[data-testid="flow-detail"][data-flow-id="${id}"]`);
      await detail.waitFor();
      steps.set(id, await detail.getByTestId('step').evaluateAll((els) => els.map((s) => ({ ...(s as HTMLElement).dataset }))));
    }
    return rows.map((data) => ({
      id: data.flowId ?? '',
      issuer: data.issuer ?? '',
      subject: data.subject ?? '',
      type: data.type ?? '',
      serverSide: data.serverSide === 'true',
      steps: (steps.get(data.flowId ?? '') ?? []).map((s) => ({ kind: s.kind ?? '', observable: s.observable !== 'false', status: s.status ?? '', sources: list(s.sources) })),
    }));
  }

  /** Every request row of the Requests view (the list is virtualised: the e2e captures fit in one screen). */
  async exchanges(): Promise<PanelExchange[]> {
    await this.showView('requests');
    const raw = await this.page.getByTestId('exchange').evaluateAll((els) => els.map((el) => ({ ...(el as HTMLElement).dataset })));
    return raw.map((d) => ({ url: d.url ?? '', method: d.method ?? '', status: d.status ?? '', sources: list(d.sources) }));
  }

  /** Counters of the capture status bar. */
  async counts(): Promise<{ exchanges: number; evicted: number; paused: boolean; analyzed: boolean }> {
    const d = await this.status.evaluate((el) => ({ ...(el as HTMLElement).dataset }));
    return { exchanges: Number(d.exchanges), evicted: Number(d.evicted), paused: d.paused === 'true', analyzed: d.analyzed === 'true' };
  }
}

/**
 * Whether an artifact is a refresh token: `refresh_token` for a JWT one; an opaque one is `opaque_token` with
 * role `refresh_token` (oidc-provider's are opaque), which needs `data-role` on the artifact (asked of the panel).
 */
export function isRefreshToken(a: PanelArtifact): boolean {
  return a.kind === 'refresh_token' || (a.kind === 'opaque_token' && a.role === 'refresh_token');
}
