/** Issue 10 §4: the `--json` report escapes what the human report escapes, and stays JSON with the same values. */
import { base64url } from 'jose';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analyze.js';
import { readInput } from '../../../src/core/input/read-input.js';
import { jsonReport } from '../../../src/core/report/json-report.js';

// eslint-disable-next-line no-control-regex -- asserting their absence (the report keeps its own line breaks)
const RAW_UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

const HOSTILE = {
  iss: 'https://idp.example/\u202egnp.exe',
  sub: 'u\u009b31m\u0085x',
  aud: 'app',
  name: 'a\u2028b\u2029c',
  nickname: '\u2066iso\u2069 \u200eltr\u200f \u061calm',
  'claim\u202ename': '\u001b]0;title\u0007',
  exp: 2000,
  iat: 1000,
};

async function report(): Promise<string> {
  const jwt = `${base64url.encode(JSON.stringify({ alg: 'RS256', kid: 'k\u202a1' }))}.${base64url.encode(JSON.stringify(HOSTILE))}.c2ln`;
  const read = readInput('token.jwt', jwt, 1500_000);
  const result = await analyze({ exchanges: read.exchanges, documents: read.documents }, { now: 1500 });
  return jsonReport(result, read.summary, { version: '1', skew: 60 });
}

describe('jsonReport escapes control and bidi characters', () => {
  it('writes none of them raw, each as its \\u escape', async () => {
    const text = await report();
    expect(text).not.toMatch(RAW_UNSAFE);
    for (const escaped of ['\\u202egnp.exe', 'u\\u009b31m\\u0085x', 'a\\u2028b\\u2029c', '\\u2066iso\\u2069 \\u200eltr\\u200f \\u061calm', '"claim\\u202ename"', '"k\\u202a1"']) {
      expect(text).toContain(escaped);
    }
  });

  it('parses back to the very values the token held', async () => {
    const parsed = JSON.parse(await report()) as { artifacts: { kind: string; header?: Record<string, unknown>; claims: Record<string, unknown> }[] };
    const token = parsed.artifacts.find((a) => a.kind === 'id_token' || a.kind === 'jwt' || a.kind === 'access_token');
    expect(token?.claims).toEqual(HOSTILE);
    expect(token?.header).toEqual({ alg: 'RS256', kid: 'k\u202a1' });
  });
});
