#!/usr/bin/env node
// The CLI is bundled to build/cli.js by `npm run build:cli` (run on `npm install` through `prepare`).
import { existsSync } from 'node:fs';

const bundle = new URL('../build/cli.js', import.meta.url);
let cli;
try {
  cli = await import(bundle.href);
} catch (err) {
  const why = existsSync(bundle) ? `can't load the CLI (${err instanceof Error ? err.message : String(err)})` : 'the CLI is not built; run npm run build:cli';
  process.stderr.write(`token-inspector: ${why.replace(/\s+/g, ' ')}\n`);
  process.exit(2);
}

process.exitCode = await cli.main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  stdin: process.stdin,
});
