import { render } from 'preact';
import { App } from './App.js';
import { browserOptionsDeps } from './browser-deps.js';
import { createOptionsModel } from './store/options-model.js';
import './options.css';

const model = createOptionsModel(browserOptionsDeps());
const root = document.getElementById('app');
if (root) render(<App model={model} />, root);
void model.start();
addEventListener('pagehide', () => model.stop());
