/**
 * The Tokens panel for one tab. Its DOM hooks (data-testid and data-* attributes) follow the panel contract of
 * issue 3; issue 4 may change the look but keeps them. Everything captured is rendered as text, never as HTML.
 */
import { computed } from '@preact/signals';
import { useMemo } from 'preact/hooks';
import { ArtifactList } from './components/ArtifactList.js';
import { ConnectionBadge } from './components/ConnectionBadge.js';
import { ExchangeList } from './components/ExchangeList.js';
import { FindingList } from './components/FindingList.js';
import { FlowList } from './components/FlowList.js';
import { StatusBar } from './components/StatusBar.js';
import type { PanelConnection } from './connection.js';
import { emptyTabState } from './store/empty-state.js';
import { toPanelView } from './store/view-model.js';

/** Props of {@link App}. */
export interface AppProps {
  connection: PanelConnection;
  tabId: number;
  /** Present only in the deep-capture build: attaches or detaches the debugger for the tab. */
  deepCapture?: (on: boolean) => Promise<{ ok: boolean; error?: string }>;
}

/** The panel: connection state, status bar, findings, flows, artifacts and requests of the tab. */
export function App({ connection, tabId, deepCapture }: AppProps) {
  const view = useMemo(() => computed(() => toPanelView(connection.state.value ?? emptyTabState(tabId))), [connection, tabId]);
  const status = connection.status.value;
  const error = connection.error.value;
  return (
    <main class="panel">
      <header class="panel-header">
        <h1>Tokens</h1>
        <ConnectionBadge status={status} everConnected={connection.everConnected.value} />
      </header>
      <StatusBar view={view.value} connected={status === 'connected'} send={connection.send} deepCapture={deepCapture} />
      {error && (
        <p class="error" role="alert" data-testid="worker-error" data-code={error.code}>
          {error.message}
        </p>
      )}
      <FindingList findings={view.value.findings} />
      <FlowList flows={view.value.flows} />
      <ArtifactList artifacts={view.value.artifacts} />
      <ExchangeList exchanges={view.value.exchangeRows} />
    </main>
  );
}

/** Shown instead of the panel when no tab could be determined. */
export function NoTab() {
  return (
    <main class="panel">
      <h1>Tokens</h1>
      <p data-testid="no-tab">
        No tab to show: open this panel from DevTools (the Tokens tab), or add ?tab=&lt;tab id&gt; to its address.
      </p>
    </main>
  );
}
