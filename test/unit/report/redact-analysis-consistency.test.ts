import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analyze.js';
import { exportRedactedHar } from '../../../src/core/har/redact-export.js';
import { readInput } from '../../../src/core/input/read-input.js';
import { markdownSummary } from '../../../src/core/report/markdown-summary.js';
import { redactAnalysis } from '../../../src/core/report/redact-analysis.js';
import { fixtureText } from '../har/fixtures.js';

const SALT = 'consistency-salt-0123456789';
const PERSONAL_CLAIMS = ['sub', 'name', 'given_name', 'family_name', 'email', 'birthdate', 'bankid_altsub', 'preferred_username', 'phone_number'];

describe('redactAnalysis and the redacted HAR export agree', () => {
  it.each(['sample-login.har', 'real/chromium-login.har', 'seed-defects.har'])('%s: the same pseudonyms for the same values, with one salt', async (name) => {
    const read = readInput(name, fixtureText(name), 0);
    const now = Math.ceil(Math.max(...read.exchanges.map((e) => e.endedAt ?? e.startedAt)) / 1000);
    const result = await analyze({ exchanges: read.exchanges }, { now });
    const redacted = await redactAnalysis(result, { salt: SALT });
    const exported = readInput('r.har', JSON.stringify(await exportRedactedHar(read.exchanges, { name: 't', version: '1' }, { salt: SALT })), 0);
    const again = await analyze({ exchanges: exported.exchanges }, { now });
    const personal = (claims: Record<string, unknown> | undefined) => PERSONAL_CLAIMS.map((k) => claims?.[k]);
    expect(redacted.artifacts.map((a) => personal(a.claims))).toEqual(again.artifacts.map((a) => personal(a.claims)));
    expect(redacted.flows.map((f) => f.subject)).toEqual(again.flows.map((f) => f.subject));
    for (const a of result.artifacts) {
      for (const k of PERSONAL_CLAIMS) {
        const v = a.claims?.[k];
        if (typeof v === 'string' && v.length >= 4) expect(markdownSummary(redacted, read.summary, { version: '1', skew: 60 })).not.toContain(v);
      }
    }
  });
});
