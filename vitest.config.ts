import { defineConfig } from 'vitest/config';

export default defineConfig({
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
