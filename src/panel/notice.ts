import { signal } from '@preact/signals';

/**
 * The line the panel shows under its heading. A signal so later versions can replace it (capture status, errors)
 * without touching the components. Holds plain text only; never rendered as HTML.
 */
export const notice = signal('Live capture arrives in a later version.');
