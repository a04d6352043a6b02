// @vitest-environment happy-dom
/**
 * Issue 4 review: an import that yields nothing says why (it used to be dropped silently), and switching
 * between the live tab and an offline analysis clears the selection, whose ids (`f1`, `a3`) name other things
 * in the other analysis.
 */
import { signal } from '@preact/signals';
import { act, cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { h } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../../src/panel/App.js';
import { SourceSwitch } from '../../../../src/panel/components/shell/SourceSwitch.js';
import { createFakeConnection } from '../../../../src/panel/harness/fake-connection.js';
import { createWorkspace } from '../../../../src/panel/workspace/workspace.js';
import { analyzeOffline } from '../../../../src/panel/workspace/offline.js';
import type { TabState } from '../../../../src/shared/protocol.js';
import { sampleState } from '../fixtures.js';

afterEach(cleanup);

const NOW = 1_700_000_100;

function mountApp() {
  const connection = createFakeConnection();
  const view = render(
    h(App, {
      connection,
      tabId: 7,
      nowSeconds: signal(NOW),
      offlineOptions: async () => ({ skew: 60, clientIds: [] }),
      download: () => undefined,
      copy: async () => undefined,
    }),
  );
  return { connection, view };
}

/** Picks `files` in the Import… input as a user would. */
function pick(input: HTMLInputElement, files: File[]) {
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  fireEvent.change(input);
}

describe('import errors', () => {
  it('a file that is not a HAR, JSON or JWT is named with why, and nothing switches', async () => {
    const { view } = mountApp();
    const name = 'screenshot.png';
    pick(view.getByTestId('import-input') as HTMLInputElement, [new File(['\u0089PNG not a capture'], name)]);
    const alert = await view.findByTestId('import-errors');
    const expected = await analyzeOffline(name, [{ name, text: '\u0089PNG not a capture' }], { skew: 60, clientIds: [], nowMs: NOW * 1000 });
    expect(expected.ok).toBe(false);
    expect([...alert.querySelectorAll('li')].map((li) => li.textContent)).toEqual(expected.ok ? [] : expected.errors);
    expect(alert.textContent).toContain(name);
    expect(view.getByTestId('source').getAttribute('data-origin')).toBe('live');
    fireEvent.click(view.getByTestId('import-errors-dismiss'));
    expect(view.queryByTestId('import-errors')).toBeNull();
  });

  it('a file the browser cannot read is reported, not lost in a rejected promise', async () => {
    const { view } = mountApp();
    const broken = new File(['x'], 'gone.har');
    Object.defineProperty(broken, 'text', { value: () => Promise.reject(new Error('NotReadableError')) });
    pick(view.getByTestId('import-input') as HTMLInputElement, [broken]);
    const alert = await view.findByTestId('import-errors');
    expect(alert.textContent).toMatch(/gone\.har.*NotReadableError/);
  });

  it('a good import after a failed one clears the errors and opens the analysis', async () => {
    const { view } = mountApp();
    pick(view.getByTestId('import-input') as HTMLInputElement, [new File(['nope'], 'a.txt')]);
    await view.findByTestId('import-errors');
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const jwt = `${b64({ alg: 'RS256' })}.${b64({ iss: 'https://idp.example.com', sub: 'me', exp: NOW + 60 })}.c2ln`;
    pick(view.getByTestId('import-input') as HTMLInputElement, [new File([jwt], 'token.jwt')]);
    await waitFor(() => expect(view.getByTestId('source').getAttribute('data-origin')).toBe('offline'));
    expect(view.queryByTestId('import-errors')).toBeNull();
  });
});

describe('switching between the live tab and an offline analysis', () => {
  async function loaded() {
    const state = signal<TabState | undefined>(sampleState());
    const workspace = createWorkspace(7, state);
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const jwt = (sub: string) => `${b64({ alg: 'RS256' })}.${b64({ iss: 'https://other.example', sub, exp: NOW + 60 })}.c2ln`;
    const texts = [
      { name: 'x.jwt', text: jwt('x') },
      { name: 'y.jwt', text: jwt('y') },
    ];
    const offline = await analyzeOffline('2 files', texts, { skew: 60, clientIds: [], nowMs: NOW * 1000 });
    if (!offline.ok) throw new Error(offline.errors.join());
    workspace.openOffline(offline.dataset);
    return workspace;
  }
  const select = (w: Awaited<ReturnType<typeof loaded>>) => {
    w.selectedFlow.value = 'f1';
    w.selectedExchange.value = 'e1';
    w.compare.value = { left: 'a1', right: 'a2' };
  };
  const selection = (w: Awaited<ReturnType<typeof loaded>>) => [w.selectedFlow.value, w.selectedExchange.value, w.compare.value];

  it('clears the selection when the shown dataset changes, and keeps it when it does not', async () => {
    const w = await loaded();
    expect(w.dataset.value.origin).toBe('offline');
    select(w);
    w.show('offline');
    expect(selection(w)).toEqual(['f1', 'e1', { left: 'a1', right: 'a2' }]);
    w.show('live');
    expect(w.dataset.value.origin).toBe('live');
    expect(selection(w)).toEqual([undefined, undefined, {}]);
    select(w);
    w.show('offline');
    expect(w.dataset.value.origin).toBe('offline');
    expect(selection(w)).toEqual([undefined, undefined, {}]);
  });

  it('the source buttons switch through it', async () => {
    const w = await loaded();
    const view = render(h(SourceSwitch, { workspace: w }));
    select(w);
    act(() => {
      fireEvent.click(view.getByTestId('show-live'));
    });
    expect(view.getByTestId('source').getAttribute('data-origin')).toBe('live');
    expect(selection(w)).toEqual([undefined, undefined, {}]);
  });
});
