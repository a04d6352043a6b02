/**
 * The command line of `npm start`: `--headed`, `--headless`, `--help`. Without a flag the mode follows the
 * environment: a visible browser when there is a display (`DISPLAY` or `WAYLAND_DISPLAY`), headless otherwise.
 * Pure: the environment is passed in; does not check that the display works.
 */

/** How the demo browser runs. */
export type StartMode = 'headed' | 'headless';

/** What `npm start` was asked to do. */
export type StartCommand = { command: 'run'; mode: StartMode; why: string } | { command: 'help' } | { command: 'error'; message: string };

/** Printed for `--help`. */
export const START_USAGE = `Usage: npm start [-- --headed | --headless]

Builds the CLI and the Chrome extension (configured for 127.0.0.1 and localhost), starts a demo OpenID
provider and a demo single-page app on localhost, launches Chromium with the extension and logs in once
(then userinfo, refresh and introspection).

  --headed    a visible browser; stays open until you close it or press Ctrl+C (default with a display)
  --headless  no window; prints the flow and findings and saves a screenshot of the panel (default without)

Chromium: CHROMIUM_PATH, else /usr/bin/chromium, else Playwright's own browser if installed.
`;

/** Reads the flags; later flags do not override earlier ones: both modes at once is an error. */
export function parseStartArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): StartCommand {
  let mode: StartMode | undefined;
  for (const arg of argv) {
    if (arg === '--help' || arg === '-h') return { command: 'help' };
    const asked = arg === '--headed' ? 'headed' : arg === '--headless' ? 'headless' : undefined;
    if (!asked) return { command: 'error', message: `unknown option "${arg}" (use --headed, --headless or --help)` };
    if (mode && mode !== asked) return { command: 'error', message: '--headed and --headless exclude each other' };
    mode = asked;
  }
  if (mode) return { command: 'run', mode, why: `--${mode}` };
  const display = ['DISPLAY', 'WAYLAND_DISPLAY'].find((name) => (env[name] ?? '').trim() !== '');
  return display ? { command: 'run', mode: 'headed', why: `${display} is set` } : { command: 'run', mode: 'headless', why: 'no DISPLAY or WAYLAND_DISPLAY' };
}
