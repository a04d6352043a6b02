/** The CLI's terminal escaper, defined once for the CLI and the panel in src/core/util/escape-controls.ts. */
export { escapeControls } from '../core/util/escape-controls.js';
