import { describe, expect, it } from 'vitest';
import type { RedactionCounts } from '../../src/core/index.js';
import { redactionSummary } from '../../src/cli/redact-summary.js';

const zero: RedactionCounts = { masked: 0, cookies: 0, personal: 0, tokens: 0, signatures: 0, encrypted: 0, bodiesLeftOut: 0 };

describe('redactionSummary (issue 10 §2: what redact says on stderr)', () => {
  it.each<[string, Partial<RedactionCounts>, string]>([
    ['nothing found: every category still named, with 0', {}, 'redacted 0 tokens, 0 secrets, 0 personal values, 0 cookies'],
    [
      'the issue\'s example: tokens by kind, then secrets, personal values, cookies and bodies left out',
      { signatures: 5, encrypted: 1, tokens: 6, masked: 3, personal: 9, cookies: 4, bodiesLeftOut: 1 },
      'redacted 12 tokens (5 JWS signatures stripped, 1 JWE masked, 6 opaque tokens hashed), 3 secrets, 9 personal values, 4 cookies; 1 binary body left out',
    ],
    ['singulars', { signatures: 1, masked: 1, personal: 1, cookies: 1 }, 'redacted 1 token (1 JWS signature stripped), 1 secret, 1 personal value, 1 cookie'],
    ['opaque tokens only, two binary bodies', { tokens: 2, bodiesLeftOut: 2 }, 'redacted 2 tokens (2 opaque tokens hashed), 0 secrets, 0 personal values, 0 cookies; 2 binary bodies left out'],
    ['a JWE only', { encrypted: 1 }, 'redacted 1 token (1 JWE masked), 0 secrets, 0 personal values, 0 cookies'],
  ])('%s', (_, counts, line) => {
    expect(redactionSummary({ ...zero, ...counts }, [])).toEqual([line]);
  });

  it('adds one "could not parse" line per note, ten at most and then a count', () => {
    expect(redactionSummary(zero, ['entry 3 request body: multipart without a boundary'])).toEqual([
      'redacted 0 tokens, 0 secrets, 0 personal values, 0 cookies',
      'could not parse: entry 3 request body: multipart without a boundary',
    ]);
    const notes = Array.from({ length: 13 }, (_, i) => `note ${i}`);
    const lines = redactionSummary(zero, notes);
    expect(lines).toHaveLength(12);
    expect(lines[1]).toBe('could not parse: note 0');
    expect(lines[10]).toBe('could not parse: note 9');
    expect(lines[11]).toBe('could not parse: ... and 3 more');
  });
});
