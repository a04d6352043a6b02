/**
 * The repository root, found by walking up from this module to the nearest package.json. Walking up (rather than
 * a fixed `../../..`) keeps the support modules usable when esbuild bundles them elsewhere, as `npm start` does
 * (build/start/start.js). Does not read package.json.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

/** The repository root (the directory of the nearest package.json above this module). */
export const ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));
