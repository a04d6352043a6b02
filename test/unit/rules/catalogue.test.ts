import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../../src/core/rules/catalogue.js';
import { ALL_RULES } from '../../../src/core/rules/registry.js';

/** Rows of the rule tables in docs/RULES.md: `| id | check | sev | source |`. */
function catalogueRows(): { id: string; sev: string; source: string }[] {
  const text = readFileSync(new URL('../../../docs/RULES.md', import.meta.url), 'utf8');
  return text
    .split('\n')
    .map((line) => line.split('|').map((c) => c.trim()))
    .filter((cells) => cells.length === 6 && /^[a-z][a-z0-9-]+$/.test(cells[1]!) && cells[1] !== 'id')
    .map((cells) => ({ id: cells[1]!, sev: cells[3]!, source: cells[4]! }));
}

const SEVERITY: Record<string, string> = { E: 'error', W: 'warning', I: 'info' };

describe('the rule catalogue is the public interface of RULES.md', () => {
  const rows = catalogueRows();
  const product = allRules().filter((r) => !r.extension);

  it('lists exactly the ids of RULES.md, in its order', () => {
    expect(rows.length).toBeGreaterThan(40);
    expect(product.map((r) => r.id)).toEqual(rows.map((r) => r.id));
  });

  it.each(rows)('$id has the severity and source of RULES.md', (row) => {
    const info = product.find((r) => r.id === row.id)!;
    expect(info.severity).toBe(SEVERITY[row.sev.trim()[0]!]);
    expect(info.source).toBe(row.source);
  });

  it('every catalogue id has exactly one registered rule, and every registered rule is in the catalogue', () => {
    const registered = ALL_RULES.map((r) => r.id);
    expect(new Set(registered).size).toBe(registered.length);
    expect([...registered].sort()).toEqual(allRules().map((r) => r.id).sort());
  });
});
