import { defineConfig } from 'vitest/config';
import { workerHookSource } from './scripts/worker-hook-source.js';

export default defineConfig({
  // The worker-side page hook as text (`__TI_WORKER_HOOK_SOURCE__`), as the builds inject it.
  plugins: [workerHookSource()],
  // The build flags of src/shared/build-flags.ts as the default build sets them (vite.config.ts injects the real ones).
  define: {
    __TI_BROWSER__: JSON.stringify('chrome'),
    __TI_DOMAINS__: JSON.stringify([]),
    __TI_DEEP_CAPTURE__: JSON.stringify(false),
  },
  test: {
    include: ['test/unit/**/*.test.ts', 'test/cli/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
