import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportHar } from '../../../src/core/har/export.js';
import { importHar, importHarObject, type HarImport } from '../../../src/core/har/import.js';
import { fixtureText } from './fixtures.js';

/** What every import result must satisfy, whatever the input. */
function checkShape(result: HarImport): void {
  expect(typeof result.ok).toBe('boolean');
  if (!result.ok) {
    expect(result.error).toMatch(/^not a HAR file: /);
    return;
  }
  for (const w of result.warnings) expect(typeof w).toBe('string');
  for (const ex of result.exchanges) {
    expect(ex.id).toMatch(/^har-\d+$/);
    expect(typeof ex.method).toBe('string');
    expect(ex.url.length).toBeGreaterThan(0);
    expect(Number.isFinite(ex.startedAt)).toBe(true);
    for (const h of [...ex.requestHeaders, ...ex.responseHeaders]) {
      expect(typeof h.name).toBe('string');
      expect(typeof h.value).toBe('string');
    }
    if (ex.status !== undefined) expect(Number.isInteger(ex.status)).toBe(true);
    if (ex.requestBody) expect(typeof ex.requestBody.text).toBe('string');
    if (ex.responseBody) expect(typeof ex.responseBody.text).toBe('string');
    if (ex.requestForm) for (const values of Object.values(ex.requestForm)) for (const v of values) expect(typeof v).toBe('string');
  }
  // The result is plain data.
  expect(() => structuredClone(result)).not.toThrow();
}

type Path = (string | number)[];

function pathsOf(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  if (typeof value === 'object' && value !== null) {
    for (const key of Object.keys(value)) {
      const path = [...prefix, Array.isArray(value) ? Number(key) : key];
      out.push(path);
      pathsOf((value as Record<string, unknown>)[key], path, out);
    }
  }
  return out;
}

/** Deletes (or replaces with `replacement`) the value at `path`, when the path still exists. */
function mutate(root: unknown, path: Path, replacement: { value: unknown } | undefined): void {
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== 'object' || next === null) return;
    node = next as Record<string | number, unknown>;
  }
  const last = path[path.length - 1]!;
  if (replacement) node[last] = replacement.value;
  else if (Array.isArray(node) && typeof last === 'number') node.splice(last, 1);
  else delete node[last];
}

const mutation = fc.record({
  at: fc.nat(),
  replacement: fc.option(
    fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(null, 0, -1, '', [], {}, 'x', 1e308)).map((value) => ({ value })),
    { nil: undefined },
  ),
});

describe('import never throws', () => {
  it('on any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        checkShape(importHarObject(value));
        checkShape(importHar(JSON.stringify(value)));
      }),
      { numRuns: 300 },
    );
  });

  it('on any { log: { entries: [...] } } made of random JSON', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue({ maxDepth: 4 }), { maxLength: 6 }), fc.jsonValue({ maxDepth: 2 }), (entries, creator) => {
        const result = importHarObject({ log: { creator, entries } });
        expect(result.ok).toBe(true);
        checkShape(result);
      }),
      { numRuns: 300 },
    );
  });

  it('on any text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => checkShape(importHar(text))), { numRuns: 300 });
  });

  it.each(['edge-cases.har', 'seed-defects.har', 'sample-login.firefox.har'])(
    'on %s with fields deleted or of the wrong type',
    (name) => {
      const original = JSON.parse(fixtureText(name)) as unknown;
      const paths = pathsOf(original);
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 8 }), (mutations) => {
          const har = structuredClone(original);
          for (const m of mutations) mutate(har, paths[m.at % paths.length]!, m.replacement);
          const result = importHarObject(har);
          checkShape(result);
          const entries = (har as { log?: { entries?: unknown } }).log?.entries;
          if (result.ok && Array.isArray(entries)) expect(result.exchanges.length).toBeLessThanOrEqual(entries.length);
          // What the import gives, the export takes, and the import reads back.
          if (result.ok) checkShape(importHar(JSON.stringify(exportHar(result.exchanges, { name: 't', version: '1' }))));
        }),
        { numRuns: 200 },
      );
    },
  );
});
