import { browser } from '../shared/browser.js';
import { startNetworkCapture } from './network-capture.js';

// Paths are from the extension root: the build keeps the source layout for HTML pages.
void browser.devtools.panels.create('Tokens', '/icons/icon-16.png', '/src/panel/panel.html');
startNetworkCapture();
