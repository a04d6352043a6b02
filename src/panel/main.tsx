import { render } from 'preact';
import { DEEP_CAPTURE } from '../shared/build-flags.js';
import { App, NoTab } from './App.js';
import { connectPanel } from './connection.js';
import { requestDeepCapture } from './deep-capture.js';
import { inspectedTabId } from './inspected-tab.js';
import { openPanelPort } from './panel-port.js';
import { resolveTabId } from './tab-id.js';
import './panel.css';

const root = document.getElementById('app');
const tabId = resolveTabId(location.search, inspectedTabId());
if (root && tabId === undefined) render(<NoTab />, root);
if (root && tabId !== undefined) {
  const connection = connectPanel({ tabId, connect: openPanelPort });
  const deepCapture = DEEP_CAPTURE ? (on: boolean) => requestDeepCapture(tabId, on) : undefined;
  render(<App connection={connection} tabId={tabId} deepCapture={deepCapture} />, root);
  addEventListener('pagehide', () => connection.close());
}
