import { render } from 'preact';
import { App } from './App.js';
import { browserOptionsDeps } from './browser-deps.js';
import { createOptionsModel } from './store/options-model.js';
import './options.css';

const model = createOptionsModel(browserOptionsDeps());
const root = document.getElementById('app');
// The Tokens panel opens this page with ?host=<the inspected tab's host>; it is offered, never added unasked.
const inspectedHost = new URLSearchParams(location.search).get('host') ?? undefined;
if (root) render(<App model={model} inspectedHost={inspectedHost} />, root);
void model.start();
addEventListener('pagehide', () => model.stop());
