import { createContext } from 'preact';
import type { CaptureHostResult } from '../../capture-host.js';

/**
 * "Capture <host> with DevTools closed too" for components deep in the views (a flow whose code exchange was not
 * captured names the host to configure); undefined where the panel cannot ask for host access (the harness).
 */
export const CaptureHostContext = createContext<((host: string) => Promise<CaptureHostResult>) | undefined>(undefined);
