// @vitest-environment happy-dom
import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { h } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/options/App.js';
import { createOptionsModel } from '../../../src/options/store/options-model.js';
import { fakeOptionsDeps } from './fake-deps.js';

afterEach(cleanup);

async function page(...args: Parameters<typeof fakeOptionsDeps>) {
  const deps = fakeOptionsDeps(...args);
  const model = createOptionsModel(deps);
  const view = render(h(App, { model }));
  await model.start();
  await waitFor(() => expect(view.container.querySelector('[data-testid="domain-input"]')).not.toBeNull());
  const $ = (selector: string) => view.container.querySelector<HTMLElement>(selector);
  const $$ = (selector: string) => [...view.container.querySelectorAll<HTMLElement>(selector)];
  return { deps, model, view, $, $$ };
}

describe('options page: domains', () => {
  it('lists domains with their access, marks built-in ones and offers no remove for them', async () => {
    const { $$, deps } = await page({ domains: ['idp.example.com'] }, ['team.example.com']);
    await waitFor(() => expect($$('[data-testid="domain-row"][data-access="unknown"]')).toHaveLength(0));
    const rows = $$('[data-testid="domain-row"]');
    expect(rows.map((r) => [r.dataset['domain'], r.dataset['builtIn'], r.dataset['access']])).toEqual([
      ['team.example.com', 'true', 'granted'],
      ['idp.example.com', 'false', 'missing'],
    ]);
    expect(rows[0]?.textContent).toContain('built in');
    expect(rows[0]?.querySelector('[data-testid="domain-remove"]')).toBeNull();
    expect(rows[1]?.querySelector('[data-testid="domain-grant"]')).not.toBeNull();
    fireEvent.click(rows[1]!.querySelector('[data-testid="domain-grant"]')!);
    expect(deps.requests).toEqual([['*://idp.example.com/*']]);
  });

  it.each([
    ['', /Enter a host/],
    ['https://idp.example.com/authorize', /no path/],
    ['bad_host', /not a valid host/],
    ['localhost:70000', /1 to 65535/],
  ])('says why %j is refused and asks for nothing', async (entry, message) => {
    const { $, deps } = await page();
    fireEvent.input($('[data-testid="domain-input"]')!, { target: { value: entry } });
    fireEvent.click($('[data-testid="domain-add"]')!);
    expect($('[data-testid="domain-error"]')?.textContent).toMatch(message);
    expect(deps.requests).toEqual([]);
  });

  it('adds a custom localhost port after host access is granted inside the click', async () => {
    const { $, $$, deps } = await page();
    fireEvent.input($('[data-testid="domain-input"]')!, { target: { value: 'LOCALHOST:3000' } });
    fireEvent.click($('[data-testid="domain-add"]')!);
    expect(deps.requests).toEqual([['*://localhost/*']]);
    await waitFor(() => expect($$('[data-testid="domain-row"]').map((r) => r.dataset['domain'])).toEqual(['localhost:3000']));
    expect(deps.stored.domains).toEqual(['localhost:3000']);
    expect(deps.notified).toBe(1);
    await waitFor(() => expect(($('[data-testid="domain-input"]') as HTMLInputElement).value).toBe(''));
  });

  it('adds a preset in one click, shows its source, and reports a refusal', async () => {
    const { $, $$, deps } = await page();
    expect($('[data-testid="preset"][data-preset="uaepass"]')?.textContent).toMatch(/Source: UAE PASS/);
    deps.grant = false;
    fireEvent.click($('[data-testid="preset-add"][data-preset="birid"]')!);
    expect(deps.requests).toEqual([['*://testsso.kapitalbank.az/*', '*://dmzid.kapitalbank.az/*']]);
    await waitFor(() => expect($('[data-testid="options-status"]')?.textContent).toMatch(/refused/));
    expect($$('[data-testid="domain-row"]')).toHaveLength(0);
    deps.grant = true;
    fireEvent.click($('[data-testid="preset-add"][data-preset="birid"]')!);
    await waitFor(() => expect($$('[data-testid="domain-row"]')).toHaveLength(2));
    expect(($('[data-testid="preset-add"][data-preset="birid"]') as HTMLButtonElement).disabled).toBe(true);
  });

  it('removes a domain and gives back its host access', async () => {
    const { $, $$, deps } = await page({ domains: ['idp.example.com', 'api.example.com'] });
    deps.granted.add('*://idp.example.com/*');
    fireEvent.click($('[data-testid="domain-row"][data-domain="idp.example.com"] [data-testid="domain-remove"]')!);
    await waitFor(() => expect($$('[data-testid="domain-row"]').map((r) => r.dataset['domain'])).toEqual(['api.example.com']));
    await waitFor(() => expect(deps.removals).toEqual([['*://idp.example.com/*']]));
  });
});

describe('options page: other settings', () => {
  it('saves a valid skew and refuses an invalid one', async () => {
    const { $, deps } = await page();
    fireEvent.change($('[data-testid="skew-input"]')!, { target: { value: '120' } });
    await waitFor(() => expect(deps.stored.skewSeconds).toBe(120));
    fireEvent.change($('[data-testid="skew-input"]')!, { target: { value: '301' } });
    expect($('[data-testid="skew-error"]')?.textContent).toMatch(/0 to 300/);
    expect(deps.stored.skewSeconds).toBe(120);
  });

  it('edits client ids per issuer: add, fill, save on change, remove', async () => {
    const { $, $$, deps } = await page();
    fireEvent.click($('[data-testid="client-add"]')!);
    const issuer = $('[data-testid="client-issuer"]')!;
    const ids = $('[data-testid="client-ids"]')!;
    fireEvent.change(issuer, { target: { value: 'https://idp.example.com' } });
    expect(deps.stored.clientIds).toEqual({});
    fireEvent.change(ids, { target: { value: 'web, app,' } });
    await waitFor(() => expect(deps.stored.clientIds).toEqual({ 'https://idp.example.com': ['web', 'app'] }));
    expect($$('[data-testid="client-row"]')).toHaveLength(1);
    fireEvent.click($('[data-testid="client-remove"]')!);
    await waitFor(() => expect(deps.stored.clientIds).toEqual({}));
    expect($$('[data-testid="client-row"]')).toHaveLength(0);
  });

  it('switches key fetching, sources and preserve log', async () => {
    const { $, deps } = await page();
    expect($('[data-testid="source-filterResponseData"]')).toBeNull();
    expect($('[data-testid="source-debugger"]')).toBeNull();
    expect($('[data-testid="fetch-keys"]')?.closest('.checkbox-field')?.textContent).toMatch(/only the discovery document and JWKS/i);
    fireEvent.click($('[data-testid="fetch-keys"]')!);
    await waitFor(() => expect(deps.stored.fetchKeys).toBe(true));
    fireEvent.click($('[data-testid="source-pageHook"]')!);
    await waitFor(() => expect(deps.stored.sources.pageHook).toBe(false));
    fireEvent.click($('[data-testid="preserve-log"]')!);
    await waitFor(() => expect(deps.stored.preserveLog).toBe(true));
    expect(deps.notified).toBe(3);
  });

  it('shows the Firefox response filter and the debugger only in those builds', async () => {
    const deps = fakeOptionsDeps();
    const model = createOptionsModel({ ...deps, target: 'firefox', deepCapture: true });
    const view = render(h(App, { model }));
    await model.start();
    await waitFor(() => expect(view.container.querySelector('[data-testid="source-filterResponseData"]')).not.toBeNull());
    expect(view.container.querySelector('[data-testid="source-debugger"]')).not.toBeNull();
  });
});

describe('options page: the tab the Tokens panel inspected (issue 9 §2)', () => {
  async function withHost(host: string | undefined, domains: string[] = []) {
    const deps = fakeOptionsDeps({ domains });
    const model = createOptionsModel(deps);
    const view = render(h(App, { model, inspectedHost: host }));
    await model.start();
    await waitFor(() => expect(view.container.querySelector('[data-testid="domain-input"]')).not.toBeNull());
    return { deps, view };
  }

  it('names an unconfigured host and adds it after access is granted inside the click', async () => {
    const { deps, view } = await withHost('app.example:3000');
    expect(view.getByTestId('inspected-host').textContent).toContain('The tab you inspected is on app.example:3000, which is not configured');
    fireEvent.click(view.getByTestId('inspected-host-add'));
    expect(deps.requests).toEqual([['*://app.example/*']]);
    await waitFor(() => expect(deps.stored.domains).toEqual(['app.example:3000']));
    await waitFor(() => expect(view.getByTestId('inspected-host').getAttribute('data-configured')).toBe('true'));
  });

  it('says a configured host is configured, and shows nothing for no or a bad host', async () => {
    expect((await withHost('login.corp.example', ['*.corp.example'])).view.getByTestId('inspected-host').textContent).toBe('The tab you inspected is on login.corp.example, a configured domain.');
    cleanup();
    expect((await withHost(undefined)).view.queryByTestId('inspected-host')).toBeNull();
    cleanup();
    expect((await withHost('<script>')).view.queryByTestId('inspected-host')).toBeNull();
  });
});
