/**
 * `npm start`: the main job in one command (issue 3, section 6). Reads the flags, installs the Ctrl+C handling,
 * then loads and runs the demo (run.ts) and turns its outcome into an exit code: 0 when the demo ran, whatever it
 * found; 1 with one stderr line when something broke; 2 for bad flags; 130 when interrupted before the end.
 * The browser and the servers are closed in every case. The npm script builds the CLI and bundles this file
 * with esbuild (`build:start`, code splitting) into build/start/.
 */
import { parseStartArgs, START_USAGE } from './args.js';
import { Cleanup } from './cleanup.js';
import { StartError } from './phase.js';
import { quietProviderWarnings } from './quiet-provider.js';

async function main(argv: string[]): Promise<number> {
  const parsed = parseStartArgs(argv, process.env);
  if (parsed.command === 'help') {
    process.stdout.write(START_USAGE);
    return 0;
  }
  if (parsed.command === 'error') {
    process.stderr.write(`npm start: ${parsed.message}\n`);
    return 2;
  }
  const cleanup = new Cleanup();
  let interrupt: () => void = () => undefined;
  const interrupted = new Promise<void>((resolve) => (interrupt = resolve));
  let waitingForUser = false;
  let signalled = false;
  const stop = () => {
    if (signalled) return;
    signalled = true;
    interrupt();
    // Waiting for the user: runStart returns and the finally below closes everything. Anywhere else: close now,
    // so whatever runStart awaits fails and main returns 130; a browser still launching is closed when its
    // launch ends (Cleanup runs late closers). Some waits retry until their timeout (the warm-up polls for 20 s)
    // and a launch cut short can leave a promise that never settles: exit 130 shortly after the cleanup anyway.
    if (waitingForUser) return;
    process.once('beforeExit', () => process.exit(130));
    void cleanup.run().then(() => setTimeout(() => process.exit(130), 2000).unref());
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, stop);
  const loud = quietProviderWarnings();
  cleanup.add(async () => loud());
  try {
    // Loaded only now (a separate chunk), so the filter above already runs when oidc-provider is imported.
    const { runStart } = await import('./run.js');
    await runStart({ mode: parsed.mode, why: parsed.why, cleanup, interrupted, waiting: () => (waitingForUser = true) });
    return 0;
  } catch (error) {
    if (signalled) return 130;
    const message = error instanceof StartError ? error.message : `unexpected failure: ${error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)}`;
    process.stderr.write(`npm start: ${message}\n`);
    return 1;
  } finally {
    await cleanup.run();
  }
}

process.exitCode = await main(process.argv.slice(2));
