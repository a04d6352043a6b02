/** Analyses built by the real engine for the Token and Compare view tests. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze, importHar, type Artifact, type Document, type Exchange } from '../../../../src/core/index.js';
import { indexAnalysis, type AnalysisIndex } from '../../../../src/panel/model/analysis-index.js';

// A path, not a URL: under happy-dom the global URL is the DOM's.
const HERE = dirname(fileURLToPath(import.meta.url));

/** Imports a HAR under test/fixtures/har, throwing when the import fails. */
export function harExchanges(name: string): Exchange[] {
  const har = importHar(readFileSync(join(HERE, '..', '..', '..', 'fixtures', 'har', name), 'utf8'));
  if (!har.ok) throw new Error(`${name}: ${har.error}`);
  return har.exchanges;
}

/** The index of `exchanges` and `documents` analysed at `now` (unix seconds). */
export async function analysed(input: { exchanges?: Exchange[]; documents?: Document[] }, now: number): Promise<AnalysisIndex> {
  const result = await analyze(input, { now });
  return indexAnalysis(result, input.exchanges ?? []);
}

/** The one artifact matching `test`, throwing when there is none. */
export function artifactWhere(index: AnalysisIndex, test: (a: Artifact) => boolean, n = 0): Artifact {
  const found = index.result.artifacts.filter(test)[n];
  if (!found) throw new Error('no such artifact');
  return found;
}

/** A claim value of an artifact, throwing when it is absent. */
export function claimOf(a: Artifact, name: string): unknown {
  if (!a.claims || !Object.hasOwn(a.claims, name)) throw new Error(`${a.id} has no ${name}`);
  return a.claims[name];
}
