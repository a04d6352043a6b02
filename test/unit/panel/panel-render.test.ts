// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { signal } from '@preact/signals';
import { h } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/panel/App.js';
import { connectPanel } from '../../../src/panel/connection.js';
import { FakePort, manualTimers } from './fake-port.js';
import { sampleState } from './fixtures.js';

afterEach(cleanup);

/** The values of data-* attributes (getAttribute: happy-dom's dataset leaves out empty values). */
const data = (el: Element | null | undefined, ...names: string[]) => names.map((n) => el?.getAttribute(`data-${n}`));

function mount(deepCapture?: (on: boolean) => Promise<{ ok: boolean; error?: string }>) {
  const ports: FakePort[] = [];
  const timers = manualTimers();
  const connection = connectPanel({
    tabId: 7,
    connect: () => {
      const port = new FakePort();
      ports.push(port);
      return port;
    },
    setTimer: timers.setTimer,
    clearTimer: timers.clearTimer,
  });
  const downloads: { filename: string; text: string }[] = [];
  const view = render(
    h(App, {
      connection,
      tabId: 7,
      deepCapture,
      nowSeconds: signal(1_700_000_100),
      offlineOptions: async () => ({ skew: 60, clientIds: [] }),
      download: (filename: string, text: string) => void downloads.push({ filename, text }),
      copy: async () => undefined,
    }),
  );
  const $ = (selector: string) => view.container.querySelector<HTMLElement>(selector);
  const $$ = (selector: string) => [...view.container.querySelectorAll<HTMLElement>(selector)];
  const push = (message: unknown) => act(() => ports.at(-1)?.push(message));
  return { ports, timers, view, $, $$, push };
}

describe('panel DOM contract', () => {
  it('shows the connection state and the capture status before and after the first push', () => {
    const { $, push } = mount();
    expect($('[data-testid="connection"]')?.dataset['state']).toBe('reconnecting');
    const status = $('[data-testid="capture-status"]');
    expect(data(status, 'exchanges', 'evicted', 'paused', 'analyzed')).toEqual(['0', '0', 'false', 'false']);
    expect(($('[data-testid="pause"]') as HTMLButtonElement).disabled).toBe(true);
    push({ type: 'state', state: sampleState({ paused: true }) });
    expect($('[data-testid="connection"]')?.dataset['state']).toBe('connected');
    expect(data($('[data-testid="capture-status"]'), 'exchanges', 'evicted', 'paused', 'analyzed')).toEqual(['2', '3', 'true', 'true']);
    expect($('[data-testid="capture-status"]')?.textContent).toMatch(/3 evicted/);
    expect(($('[data-testid="preserve"]') as HTMLInputElement).checked).toBe(true);
    expect($('[data-testid="deep-capture"]')).toBeNull();
  });

  it('renders flows, steps, artifacts, claims, findings and exchanges with their attributes, one view at a time', () => {
    const { $, $$, push } = mount();
    push({ type: 'state', state: sampleState() });
    const flows = $$('[data-testid="flow"]');
    expect(flows.map((f) => data(f, 'flow-id', 'issuer', 'subject', 'type', 'server-side'))).toEqual([
      ['f1', 'https://idp.example.com', 'alice', 'authorization_code', 'true'],
      ['f2', '', '', 'unknown', 'false'],
    ]);
    // The latest flow is shown until the user picks another.
    expect($('[data-testid="flow-detail"]')?.getAttribute('data-flow-id')).toBe('f2');
    fireEvent.click(flows[0]!);
    const detail = $('[data-testid="flow-detail"]')!;
    expect(detail.getAttribute('data-flow-id')).toBe('f1');
    const steps = [...detail.querySelectorAll<HTMLElement>('[data-testid="step"]')];
    expect(steps.map((s) => data(s, 'kind', 'observable', 'status', 'sources'))).toEqual([
      ['authorize_request', 'true', '', 'webRequest'],
      ['token', 'false', '', ''],
      ['userinfo', 'true', '200', 'devtools,page-hook,webRequest'],
    ]);
    expect(steps[1]?.textContent).toMatch(/not observable in the browser/);
    expect($$('[data-testid="flow-detail"] [data-testid="artifact"]').map((a) => data(a, 'artifact-id', 'kind', 'flow-id', 'signature'))).toEqual([
      ['a1', 'id_token', 'f1', 'valid'],
      ['a2', 'userinfo', 'f1', ''],
    ]);
    const claim = (name: string) => $(`[data-testid="artifact"][data-artifact-id="a1"] [data-testid="claim"][data-claim="${name}"]`);
    expect(JSON.parse(claim('exp')!.textContent!)).toBe(1700000000);
    expect(JSON.parse(claim('address')!.textContent!)).toEqual({ street: '<script>alert(2)</script>' });
    expect(JSON.parse(claim('nothing')!.textContent!)).toBeNull();
    fireEvent.click($('[data-testid="unlinked"]')!);
    expect($$('[data-testid="flow-detail"] [data-testid="artifact"]').map((a) => data(a, 'artifact-id', 'kind', 'role'))).toEqual([['a3', 'opaque_token', 'refresh_token']]);

    fireEvent.click($('[data-testid="view-findings"]')!);
    const findings = $$('[data-testid="findings"] [data-testid="finding"]');
    expect(findings.map((f) => [...data(f, 'rule', 'severity', 'flow-id', 'artifacts'), f.querySelector('.message')?.textContent])).toEqual([
      ['x-ui-sub', 'error', 'f1', 'a1,a2', 'sub differs <b>'],
      ['exp-passed', 'error', '', 'a1', 'error two'],
      ['at-aud', 'warning', '', '', 'warning one'],
      ['typ-explicit', 'info', '', 'a1', 'info one'],
    ]);
    fireEvent.click($('[data-testid="view-requests"]')!);
    expect($$('[data-testid="exchange"]').map((e) => data(e, 'url', 'method', 'status', 'sources'))).toEqual([
      ['https://idp.example.com/token', 'POST', '200', 'page-hook,webRequest'],
      ['https://idp.example.com/userinfo?x=<b>', 'GET', '', 'devtools'],
    ]);
  });

  it('renders hostile claim values as text: no element, no link, nothing loaded', () => {
    const { $, view, push } = mount();
    push({ type: 'state', state: sampleState() });
    const root = view.container;
    fireEvent.click($('[data-testid="flow"][data-flow-id="f1"]')!);
    expect($('[data-testid="claim"][data-claim="name"]')?.textContent).toBe('"<img src=x onerror=alert(1)>"');
    expect($('[data-testid="claim"][data-claim="website"]')?.textContent).toBe('"javascript:alert(1)"');
    expect(root.querySelectorAll('img, script, a, iframe, object, embed, [onerror], [href], [src]')).toHaveLength(0);
    expect($('[data-testid="claim"][data-claim="name"]')?.children).toHaveLength(0);
    expect($('[data-testid="claim"][data-claim="website"]')?.children).toHaveLength(0);
  });

  it('sends pause, resume, clear and preserve for its tab', () => {
    const { $, ports, push } = mount();
    push({ type: 'state', state: sampleState({ paused: false, preserve: false }) });
    fireEvent.click($('[data-testid="pause"]')!);
    push({ type: 'state', state: sampleState({ paused: true, preserve: false }) });
    fireEvent.click($('[data-testid="resume"]')!);
    fireEvent.click($('[data-testid="clear"]')!);
    fireEvent.click($('[data-testid="preserve"]')!);
    expect(ports[0]?.sent).toEqual([
      { type: 'subscribe', tabId: 7 },
      { type: 'pause', tabId: 7 },
      { type: 'resume', tabId: 7 },
      { type: 'clear', tabId: 7 },
      { type: 'preserve', tabId: 7, preserve: true },
    ]);
  });

  it('shows reconnecting after the worker drops and resubscribes on the next port', () => {
    const { $, ports, timers, push } = mount();
    push({ type: 'state', state: sampleState() });
    act(() => ports[0]?.drop());
    expect($('[data-testid="connection"]')?.dataset['state']).toBe('reconnecting');
    expect($('[data-testid="connection"]')?.textContent).toMatch(/Reconnecting/);
    expect($('[data-testid="capture-status"]')?.dataset['exchanges']).toBe('2');
    act(() => timers.run());
    expect(ports[1]?.sent).toEqual([{ type: 'subscribe', tabId: 7 }]);
    push({ type: 'state', state: sampleState({ exchanges: [] }) });
    expect($('[data-testid="connection"]')?.dataset['state']).toBe('connected');
    expect($('[data-testid="capture-status"]')?.dataset['exchanges']).toBe('0');
  });
});

describe('deep capture button', () => {
  it('asks for confirmation, naming the debugging bar, before switching on; switches off without asking', async () => {
    const calls: boolean[] = [];
    const { $, push } = mount(async (on) => {
      calls.push(on);
      return { ok: true };
    });
    push({ type: 'state', state: sampleState() });
    fireEvent.click($('[data-testid="deep-capture"]')!);
    expect(calls).toEqual([]);
    expect($('[data-testid="deep-capture-warning"]')?.textContent).toMatch(/is debugging this browser/);
    fireEvent.click($('[data-testid="deep-capture-cancel"]')!);
    expect($('[data-testid="deep-capture-warning"]')).toBeNull();
    expect(calls).toEqual([]);
    fireEvent.click($('[data-testid="deep-capture"]')!);
    fireEvent.click($('[data-testid="deep-capture-confirm"]')!);
    await waitFor(() => expect($('[data-testid="deep-capture"]')?.dataset['on']).toBe('true'));
    fireEvent.click($('[data-testid="deep-capture"]')!);
    await waitFor(() => expect($('[data-testid="deep-capture"]')?.dataset['on']).toBe('false'));
    expect(calls).toEqual([true, false]);
  });

  it('shows the worker\'s refusal', async () => {
    const { $, push } = mount(async () => ({ ok: false, error: 'Cannot attach to this target.' }));
    push({ type: 'state', state: sampleState() });
    fireEvent.click($('[data-testid="deep-capture"]')!);
    fireEvent.click($('[data-testid="deep-capture-confirm"]')!);
    await waitFor(() => expect($('[data-testid="deep-capture-error"]')?.textContent).toBe('Cannot attach to this target.'));
    expect($('[data-testid="deep-capture"]')?.dataset['on']).toBe('false');
  });
});

describe('pop-out', () => {
  it('shows "Pop out" only when the page can open itself in a window, and calls it', () => {
    const calls: number[] = [];
    const props = { offlineOptions: async () => ({ skew: 60, clientIds: [] }), download: () => undefined, copy: async () => undefined, nowSeconds: signal(1) };
    const without = render(h(App, props));
    expect(without.container.querySelector('[data-testid="pop-out"]')).toBeNull();
    cleanup();
    const withIt = render(h(App, { ...props, popOut: () => void calls.push(1) }));
    fireEvent.click(withIt.container.querySelector('[data-testid="pop-out"]')!);
    expect(calls).toEqual([1]);
  });
});
