// @vitest-environment happy-dom
import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { h } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { Flow } from '../../../../src/core/model.js';
import type { CaptureHostResult } from '../../../../src/panel/capture-host.js';
import { CaptureHealthLine } from '../../../../src/panel/components/capture/CaptureHealthLine.js';
import { CaptureHostContext } from '../../../../src/panel/components/capture/capture-host-context.js';
import { DevtoolsHosts } from '../../../../src/panel/components/capture/DevtoolsHosts.js';
import { EmptyCapture } from '../../../../src/panel/components/capture/EmptyCapture.js';
import { FlowTimeline } from '../../../../src/panel/components/flows/FlowTimeline.js';
import { indexAnalysis } from '../../../../src/panel/model/analysis-index.js';
import type { CaptureHealth } from '../../../../src/shared/protocol.js';

afterEach(cleanup);

const health = (part: Partial<CaptureHealth> = {}): CaptureHealth => ({
  host: 'app.example:3000',
  configured: false,
  domains: ['idp.example', '*.corp.example'],
  devtoolsOpen: true,
  droppedWhilePaused: 0,
  sources: [
    { source: 'webRequest', state: 'no-access', detail: 'app.example:3000 is not a configured domain' },
    { source: 'page-hook', state: 'no-access', detail: 'app.example:3000 is not a configured domain' },
    { source: 'devtools', state: 'active', detail: 'DevTools is open: every login request of this tab, any host' },
  ],
  ...part,
});

function granting() {
  const asked: string[] = [];
  const captureHost = async (host: string): Promise<CaptureHostResult> => {
    asked.push(host);
    return { ok: true, message: `${host} is a configured domain now` };
  };
  return { asked, captureHost };
}

describe('capture views (issue 9 §2, §4)', () => {
  it('the empty state names the configured domains and the tab host, and offers to capture it', async () => {
    const { asked, captureHost } = granting();
    const opened: (string | undefined)[] = [];
    const view = render(h(EmptyCapture, { health: health(), captureHost, openOptions: (host: string | undefined) => void opened.push(host) }));
    const text = view.container.textContent ?? '';
    expect(text).toContain('Configured domains: idp.example, *.corp.example.');
    expect(text).toContain("This tab is on app.example:3000, which is not configured: its login traffic is captured while DevTools is open.");
    fireEvent.click(view.getByTestId('capture-host'));
    await waitFor(() => expect(view.getByTestId('capture-host-result').textContent).toBe('app.example:3000 is a configured domain now'));
    expect(asked).toEqual(['app.example:3000']);
    expect(view.queryByTestId('capture-host')).toBeNull();
    fireEvent.click(view.getByTestId('open-options'));
    expect(opened).toEqual(['app.example:3000']);
  });

  it('a configured tab, and a worker that could not tell the host', () => {
    const configured = render(h(EmptyCapture, { health: health({ configured: true, domains: [] }), captureHost: granting().captureHost }));
    expect(configured.container.textContent).toContain('No domain is configured yet.');
    expect(configured.container.textContent).toContain('This tab is on app.example:3000, a configured domain.');
    expect(configured.queryByTestId('capture-host')).toBeNull();
    cleanup();
    const unknown = render(h(EmptyCapture, { health: undefined }));
    expect(unknown.queryByTestId('empty-host')).toBeNull();
  });

  it('a refusal is said, and the offer stays', async () => {
    const view = render(h(DevtoolsHosts, { hosts: [{ host: 'login.other.example', requests: 3 }], captureHost: async () => ({ ok: false, message: 'Host access to login.other.example was refused' }) }));
    expect(view.getByTestId('devtools-only-host').textContent).toContain('login.other.example (3 requests)');
    fireEvent.click(view.getByTestId('capture-host'));
    await waitFor(() => expect(view.getByTestId('capture-host-result').getAttribute('data-ok')).toBe('false'));
    expect(view.getByTestId('capture-host')).toBeTruthy();
  });

  it('the health line shows each source, and the pause', () => {
    const view = render(h(CaptureHealthLine, { health: health({ pausedAt: Date.UTC(2026, 0, 1, 10, 0, 0), droppedWhilePaused: 4 }) }));
    const states = view.getAllByTestId('source-health').map((el) => `${el.getAttribute('data-source')}=${el.getAttribute('data-state')}`);
    expect(states).toEqual(['webRequest=no-access', 'page-hook=no-access', 'devtools=active']);
    expect(view.container.textContent).toContain('webRequest: app.example:3000 is not a configured domain');
    expect(view.getByTestId('paused-since').textContent).toMatch(/paused since .+, 4 requests dropped while paused/);
  });

  it('a flow whose code exchange was not captured says why and offers the host that would have seen it', async () => {
    const reason = 'The code exchange was not captured: the redirect went to app.example, which is not a configured domain.';
    const flow: Flow = {
      id: 'f1', profile: 'oidc', type: 'authorization_code', startedAt: 1, artifacts: [], serverSideExchange: false,
      notes: [reason, 'another note'],
      codeExchange: { status: 'not-captured', reason, configure: ['app.example'] },
      steps: [{ kind: 'token', at: 1, observable: true, missing: 'not-captured', note: 'code exchange not captured (see the flow notes for why)' }],
    };
    const index = indexAnalysis({ artifacts: [], flows: [flow], timelines: [], findings: [], now: 1, unreadable: [], problems: [] }, []);
    const { asked, captureHost } = granting();
    const view = render(h(CaptureHostContext.Provider, { value: captureHost }, h(FlowTimeline, { flow, index })));
    expect(view.getByTestId('not-captured-note').textContent).toContain(reason);
    expect(view.getAllByTestId('flow-note').map((n) => n.textContent)).toEqual(['another note']);
    const step = view.getByTestId('step');
    expect([step.getAttribute('data-missing'), step.textContent]).toEqual(['not-captured', expect.stringContaining('not captured')]);
    fireEvent.click(view.getByTestId('capture-host'));
    await waitFor(() => expect(asked).toEqual(['app.example']));
  });
});
