#!/usr/bin/env node
// The CLI is bundled to build/cli.js by `npm run build:cli` (run on `npm install` through `prepare`).
import { main } from '../build/cli.js';

process.exitCode = await main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  stdin: process.stdin,
});
