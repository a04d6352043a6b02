import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { importHar } from '../../../src/core/har/import.js';
import type { Exchange } from '../../../src/core/model.js';

/** The text of a HAR fixture in test/fixtures/har. */
export function fixtureText(name: string): string {
  return readFileSync(new URL(`../../fixtures/har/${name}`, import.meta.url), 'utf8');
}

/** Imports a fixture, failing the test when the import fails. */
export function importFixture(name: string): { exchanges: Exchange[]; warnings: string[]; creator?: string } {
  const result = importHar(fixtureText(name));
  if (!result.ok) expect.fail(`import of ${name} failed: ${result.error}`);
  return result;
}

/** The exchange whose URL starts with `prefix` (the n-th one), failing the test when there is none. */
export function exchangeAt(exchanges: Exchange[], method: string, prefix: string, n = 0): Exchange {
  const found = exchanges.filter((e) => e.method === method && e.url.startsWith(prefix))[n];
  if (!found) expect.fail(`no ${method} ${prefix} (#${n})`);
  return found;
}
