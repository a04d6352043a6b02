/**
 * The Tokens panel: the live capture of one tab (or none), offline analyses of imported files and pasted text,
 * and the views over them (flows, requests, findings, compare, paste). Its DOM hooks (data-testid and data-*
 * attributes) are the panel contract the end-to-end tests read. Everything captured is rendered as text, never as
 * HTML, and no URL found in the traffic is ever loaded or made a link.
 */
import { useSignal, type ReadonlySignal } from '@preact/signals';
import { useEffect, useMemo } from 'preact/hooks';
import { CaptureControls } from './components/CaptureControls.js';
import { CaptureStatus } from './components/CaptureStatus.js';
import { ConnectionBadge } from './components/ConnectionBadge.js';
import { CompareTab } from './components/compare/CompareTab.js';
import { FindingsView } from './components/findings/FindingsView.js';
import { FlowsView } from './components/flows/FlowsView.js';
import { PasteView } from './components/paste/PasteView.js';
import { RequestsView } from './components/requests/RequestsView.js';
import { ExportMenu } from './components/shell/ExportMenu.js';
import { FilterBar } from './components/shell/FilterBar.js';
import { ImportButton } from './components/shell/ImportButton.js';
import { SourceSwitch } from './components/shell/SourceSwitch.js';
import { ViewTabs } from './components/shell/ViewTabs.js';
import type { CaptureHostResult } from './capture-host.js';
import { CaptureHealthLine } from './components/capture/CaptureHealthLine.js';
import { CaptureHostContext } from './components/capture/capture-host-context.js';
import { DevtoolsHosts } from './components/capture/DevtoolsHosts.js';
import { EmptyCapture } from './components/capture/EmptyCapture.js';
import { CapturedText } from './components/text/CapturedText.js';
import type { PanelConnection } from './connection.js';
import { devtoolsOnlyHosts } from './model/devtools-hosts.js';
import { makeExport, type ExportDeps } from './export/exports.js';
import { captureSummary } from './model/capture-summary.js';
import { compactText } from './model/shown-text.js';
import { createClock } from './workspace/clock.js';
import { analyzeOffline, type OfflineText } from './workspace/offline.js';
import { createWorkspace } from './workspace/workspace.js';

/** Props of {@link App}. Everything that touches the browser is injected, so tests and the harness drive it. */
export interface AppProps {
  /** The live link to the worker; absent when the panel has no tab (offline use only). */
  connection?: PanelConnection;
  tabId?: number;
  /** Present only in the deep-capture build: attaches or detaches the debugger for the tab. */
  deepCapture?: (on: boolean) => Promise<{ ok: boolean; error?: string }>;
  /** The user's analysis settings for offline analyses. */
  offlineOptions(): Promise<{ skew: number; clientIds: readonly string[] }>;
  /** Saves an export as a file. */
  download(filename: string, text: string, mimeType: string): void;
  /** Copies text to the clipboard. */
  copy(text: string): Promise<void>;
  /** The panel's clock in unix seconds; a real one ticking every second when absent. */
  nowSeconds?: ReadonlySignal<number>;
  /** Present inside DevTools: opens this panel for the tab in a window of its own. */
  popOut?: () => void;
  /** A fresh salt for a redacted export; 16 random bytes, base64url, when absent. */
  newSalt?: () => string;
  /** "Capture <host> with DevTools closed too": the host-permission request runs inside the click. */
  captureHost?: (host: string) => Promise<CaptureHostResult>;
  /** Opens the options page, naming the tab's host. */
  openOptions?: (host: string | undefined) => void;
}

function randomSalt(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The panel; see the module comment. */
export function App(props: AppProps) {
  const { connection, tabId, deepCapture } = props;
  const workspace = useMemo(() => createWorkspace(tabId, connection?.state), [connection, tabId]);
  const clock = useMemo(() => (props.nowSeconds ? undefined : createClock()), [props.nowSeconds]);
  useEffect(() => () => clock?.stop(), [clock]);
  const now = (props.nowSeconds ?? clock!.seconds).value;

  const dataset = workspace.dataset.value;
  // The filter facts are built after the first paint, so a large capture shows at once and the first keystroke
  // finds them ready.
  useEffect(() => {
    const handle = setTimeout(() => void dataset.filters, 0);
    return () => clearTimeout(handle);
  }, [dataset]);
  const live = dataset.origin === 'live';
  const summary = captureSummary(dataset, connection?.state.value);
  const connected = connection?.status.value === 'connected';
  const error = connection?.error.value;
  const counts = {
    flows: dataset.result?.flows.length ?? 0,
    requests: dataset.exchanges.length,
    findings: dataset.result?.findings.length ?? 0,
  };
  const analyse = async (name: string, texts: OfflineText[]) => {
    const options = await props.offlineOptions();
    const result = await analyzeOffline(name, texts, { ...options, nowMs: Date.now() });
    if (result.ok) workspace.openOffline(result.dataset);
    return result;
  };
  // What an import could not use, shown until the next import (the Paste view shows its own errors).
  const importErrors = useSignal<string[]>([]);
  const importTexts = (name: string, texts: OfflineText[]) => {
    importErrors.value = [];
    analyse(name, texts).then(
      (result) => {
        if (!result.ok) importErrors.value = result.errors;
      },
      (err: unknown) => (importErrors.value = [`${name}: ${err instanceof Error ? err.message : String(err)}`]),
    );
  };
  const deps: ExportDeps = { download: props.download, newSalt: props.newSalt ?? randomSalt };
  const view = workspace.view.value;
  // A host just configured leaves the "seen only through DevTools" list at once: its success is said up here.
  const hostNotice = useSignal<string | undefined>(undefined);
  const captureHost =
    props.captureHost &&
    ((host: string) =>
      props.captureHost!(host).then((result) => {
        if (result.ok) hostNotice.value = result.message;
        return result;
      }));
  const health = live ? connection?.state.value?.health : undefined;
  const domainsKey = health?.domains.join(' ');
  // Not on every clock tick: the list walks every exchange.
  const devtoolsHosts = useMemo(() => (domainsKey === undefined ? [] : devtoolsOnlyHosts(dataset.exchanges, domainsKey.split(' ').filter(Boolean))), [dataset.exchanges, domainsKey]);
  return (
    <CaptureHostContext.Provider value={captureHost}>
      <main class="panel">
        <header class="panel-header">
          <h1>Tokens</h1>
          <SourceSwitch workspace={workspace} />
          {connection && <ConnectionBadge status={connection.status.value} everConnected={connection.everConnected.value} />}
          {props.popOut && (
            <button type="button" data-testid="pop-out" class="pop-out" title="Open this panel for the tab in a window of its own" onClick={props.popOut}>
              Pop out
            </button>
          )}
        </header>
        <div class="toolbar" role="toolbar" aria-label="Panel">
          <CaptureStatus summary={summary} />
          {live && connection && tabId !== undefined && (
            <CaptureControls tabId={tabId} summary={summary} connected={connected} send={connection.send} deepCapture={deepCapture} />
          )}
          {!live && (
            <button type="button" data-testid="close-offline" onClick={() => workspace.closeOffline()}>
              Close {compactText(dataset.name)}
            </button>
          )}
          <ImportButton onTexts={importTexts} onError={(message) => (importErrors.value = [message])} />
          <ExportMenu disabled={{ har: dataset.exchanges.length === 0, report: !dataset.result, markdown: !dataset.result }} onExport={(kind, redact) => makeExport(kind, redact, dataset, deps)} />
        </div>
        {error && (
          <p class="error" role="alert" data-testid="worker-error" data-code={error.code}>
            {error.message}
          </p>
        )}
        {importErrors.value.length > 0 && (
          <div class="import-errors error" role="alert" data-testid="import-errors">
            <span>Nothing imported:</span>
            <ul>
              {importErrors.value.map((e, i) => (
                <li key={i}>
                  <CapturedText text={e} />
                </li>
              ))}
            </ul>
            <button type="button" data-testid="import-errors-dismiss" onClick={() => (importErrors.value = [])}>
              Dismiss
            </button>
          </div>
        )}
        {!live && dataset.notices.length > 0 && (
          <ul class="notices muted" data-testid="notices">
            {dataset.notices.map((n, i) => (
              <li key={i}>
                <CapturedText text={n} />
              </li>
            ))}
          </ul>
        )}
        {health && <CaptureHealthLine health={health} />}
        {hostNotice.value && (
          <p class="muted" role="status" data-testid="capture-host-notice">
            {hostNotice.value}
          </p>
        )}
        {live && tabId !== undefined && dataset.exchanges.length === 0 && <EmptyCapture health={health} captureHost={captureHost} openOptions={props.openOptions} />}
        <DevtoolsHosts hosts={devtoolsHosts} captureHost={captureHost} />
        {live && tabId === undefined && (
          <p data-testid="no-tab" class="muted">
            No tab to watch: open this panel from DevTools (the Tokens tab), or add ?tab=&lt;tab id&gt; to its address. Import a file or
            paste a token to analyse it here.
          </p>
        )}
        <FilterBar filters={workspace.filters} hosts={dataset.choices?.hosts ?? []} kinds={dataset.choices?.kinds ?? []} />
        <ViewTabs view={workspace.view} counts={counts} />
        <div class="view" data-testid="view" data-view={view}>
          {view === 'flows' && <FlowsView workspace={workspace} now={now} copy={props.copy} />}
          {view === 'requests' && <RequestsView workspace={workspace} />}
          {view === 'findings' && <FindingsView workspace={workspace} />}
          {view === 'compare' && <CompareTab workspace={workspace} now={now} />}
          {view === 'paste' && <PasteView analyse={analyse} />}
        </div>
      </main>
    </CaptureHostContext.Provider>
  );
}
