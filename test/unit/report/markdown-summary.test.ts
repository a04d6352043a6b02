import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, type AnalysisResult } from '../../../src/core/analyze.js';
import { readInput } from '../../../src/core/input/read-input.js';
import { mdCode, mdText } from '../../../src/core/report/markdown-escape.js';
import { markdownSummary, MAX_LISTED_FINDINGS } from '../../../src/core/report/markdown-summary.js';
import { exchange } from '../classify/exchange-builder.js';
import { fixtureText } from '../har/fixtures.js';
import { jws } from '../helpers/rule-harness.js';

const META = { version: '0.1.0', skew: 60, nowSource: 'capture' };
const IMG = '<img src=x onerror=alert(1)>';
const JS = 'javascript:alert(1)';

/**
 * The text with every inline code span removed (what a renderer could turn into links or HTML), read as CommonMark
 * does: a backslash escapes the next character outside code; a span runs from a backtick to the next one. Fails the
 * test when a span is not closed on its line.
 */
function outsideCode(md: string): string {
  let out = '';
  for (const line of md.split('\n')) {
    let i = 0;
    while (i < line.length) {
      if (line[i] === '\\') {
        out += line.slice(i, i + 2);
        i += 2;
      } else if (line[i] === '`') {
        const end = line.indexOf('`', i + 1);
        if (end < 0) expect.fail(`unclosed code span in: ${line}`);
        i = end + 1;
      } else out += line[i++];
    }
    out += '\n';
  }
  return out;
}

/** What must never be in a summary outside inline code: HTML, links, images, autolinks, control characters. */
function expectInert(md: string): void {
  const plain = outsideCode(md);
  expect(plain).not.toMatch(/[<>]/);
  expect(plain).not.toMatch(/(?<!\\)\[/);
  expect(plain).not.toMatch(/(?<!\\)\]\(/);
  expect(plain).not.toMatch(/(?:https?|javascript|data|mailto):\S/i);
  expect(plain).not.toMatch(/www\./i);
  expect(plain).not.toMatch(/[^\s@\\]@[^\s@]+\.\w/);
  // eslint-disable-next-line no-control-regex -- the point
  expect(md).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
}

describe('mdText and mdCode', () => {
  it.each<[string, string, string]>([
    ['markup', IMG, '&lt;img src=x onerror=alert(1)&gt;'],
    ['a script URL', JS, '`javascript:alert(1)`'],
    ['a Markdown link', 'see [click](https://evil.example/x) now', 'see `[click](https://evil.example/x)` now'],
    ['an image', '![x](data:image/png;base64,AAAA)', '`![x](data:image/png;base64,AAAA)`'],
    ['emphasis, tables, strike, headings, mentions', '**b** _i_ | c | ~~s~~ #12 @team', '\\*\\*b\\*\\* \\_i\\_ \\| c \\| \\~\\~s\\~\\~ \\#12 \\@team'],
    ['an entity', '&lt; &amp;', '&amp;lt; &amp;amp;'],
    ['a backslash and a backtick', 'a\\b `c`', 'a\\\\b \\`c\\`'],
    ['control characters and line breaks', 'a\u001b[31mb\nc\r', 'a\\\\u001b\\[31mb\\\\u000ac\\\\u000d'],
    ['a bidi override', 'abc\u202Egnp.exe', 'abc\\\\u202egnp.exe'],
    ['an e-mail address', 'mail frode@example.no now', 'mail `frode@example.no` now'],
    ['a www host', 'see www.evil.example', 'see `www.evil.example`'],
    ['a URL with a backtick and markup', 'https://a.example/`x`<b>', '`https://a.example/%60x%60%3Cb%3E`'],
    ['a JWT', 'token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln here', 'token (token) here'],
  ])('%s', (_name, input, expected) => {
    expect(mdText(input)).toBe(expected);
    expectInert(mdText(input));
  });

  it('mdCode percent-encodes what would break out of code or be HTML, and never writes a token', () => {
    expect(mdCode('https://x.example/a b`c<d>"e\'')).toBe('`https://x.example/a%20b%60c%3Cd%3E%22e%27`');
    expect(mdCode('')).toBe('(empty)');
    expect(mdCode('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln')).toBe('`(token)`');
  });

  it('keeps any text inert (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'ab <>&[]()!*_`|~#@\\:/.\n\u0000\u202e'.split(''), 'http://', 'www.', 'javascript:', 'x@y.z', 'eyJ') }), (s) => {
        expectInert(mdText(s));
        expect(mdText(s)).not.toContain('\n');
      }),
      { numRuns: 500 },
    );
  });
});

async function analysed(name: string): Promise<{ result: AnalysisResult; inputs: ReturnType<typeof readInput>['summary'] }> {
  const read = readInput(name, fixtureText(name), 0);
  const now = Math.ceil(Math.max(...read.exchanges.map((e) => e.endedAt ?? e.startedAt)) / 1000);
  return { result: await analyze({ exchanges: read.exchanges }, { now }), inputs: read.summary };
}

describe('markdownSummary', () => {
  it('says what was analysed and when, one section per flow, and the findings by severity', async () => {
    const { result, inputs } = await analysed('sample-login.har');
    const md = markdownSummary(result, inputs, META);
    expect(md).toMatch(/^## Token Inspector summary\n/);
    expect(md).toContain('- Analysed: sample-login.har (HAR, 7 exchanges)');
    expect(md).toContain(`- Now: 2021-08-18T11:53:22Z (the time of the last request in the capture); clock skew allowed 60 s`);
    expect(md.match(/^### Flow /gm)).toHaveLength(result.flows.length);
    const flow = result.flows[0]!;
    expect(md).toContain(`- Issuer: \`${flow.issuer}\``);
    expect(md).toContain(`- profile ${flow.profile}, client ${flow.clientId}, subject ${flow.subject}`);
    expect(md).toContain('steps: authorize request 302 → redirect → token 200 → userinfo 200 → refresh 200');
    const end = result.timelines[0]!.sessionEnd!;
    expect(md).toContain(`- Session ends: ${mdText(end.label)} at `);
    expect(md).toContain('because the refresh token expires; access tokens can be renewed until then');
    for (const f of result.findings) expect(md).toContain(`\`${f.rule}\``);
    expect(md.indexOf('**Errors')).toBeLessThan(md.indexOf('**Warnings'));
    expect(md.indexOf('**Warnings')).toBeLessThan(md.indexOf('**Info'));
    expect(md).toContain('Spec: Core §5.3.2, §16.11; seed 004');
    expectInert(md);
  });

  it('never writes a raw token, a body or a URL query', async () => {
    const { result, inputs } = await analysed('sample-login.har');
    const md = markdownSummary(result, inputs, META);
    for (const a of result.artifacts) {
      if (a.raw && a.raw.length > 20) expect(md).not.toContain(a.raw);
    }
    expect(md).not.toMatch(/eyJ[A-Za-z0-9_-]+\./);
    expect(md).not.toMatch(/[?&](?:code|state|access_token)=/);
  });

  it('lists the findings of artifacts outside any flow last', async () => {
    const { result, inputs } = await analysed('edge-cases.har');
    const md = markdownSummary(result, inputs, META);
    const outside = md.indexOf('### Findings of artifacts outside any flow');
    expect(outside).toBeGreaterThan(md.lastIndexOf('### Flow '));
    const inFlows = new Set(result.flows.flatMap((f) => f.artifacts));
    const loose = result.findings.filter((f) => f.flow === undefined && !f.artifacts.some((id) => inFlows.has(id)));
    expect(loose.length).toBeGreaterThan(0);
    for (const f of loose) expect(md.slice(outside)).toContain(`\`${f.rule}\``);
    expectInert(md);
  });

  it('says when a session has ended, and when its end is unknown', async () => {
    const { result, inputs } = await analysed('seed-defects.har');
    const md = markdownSummary(result, inputs, META);
    expect(md).toMatch(/- Session ended: introspection \(exp\) at 2021-10-03T12:56:16Z \(\d+ days ago\), because no refresh token/);
    expect(md).toContain('- Session end: unknown');
    expectInert(md);
  });

  it('escapes hostile values from the capture: issuer, client, subject, claims in messages', async () => {
    const issuer = `https://evil.example/${IMG}`;
    const idToken = jws({ iss: issuer, sub: `[click](${JS})`, aud: JS, azp: JS, exp: 1_629_286_357, iat: 1_629_286_057, nonce: IMG });
    const exchanges = [
      exchange({ url: `https://evil.example/token`, form: { grant_type: 'authorization_code', code: 'c', client_id: JS }, json: { access_token: 'at', token_type: 'Bearer', expires_in: 300, id_token: idToken } }),
    ];
    const result = await analyze({ exchanges }, { now: 1_629_286_100 });
    expect(result.flows).toHaveLength(1);
    const md = markdownSummary(result, [{ name: `${IMG}.har`, kind: 'har', exchanges: 1 }], { version: IMG, skew: 60 });
    expectInert(md);
    expect(md).toContain(`- Issuer: \`https://evil.example/%3Cimg%20src=x%20onerror=alert(1)%3E\``);
    expect(md).toContain('client `javascript:alert(1)`');
    expect(md).toContain('subject `[click](javascript:alert(1))`');
    expect(md).toContain('&lt;img src=x onerror=alert(1)&gt;.har (HAR, 1 exchange)');
    expect(md).not.toContain(idToken);
  });

  it('lists at most 20 distinct findings per severity and counts the rest', () => {
    const findings = Array.from({ length: MAX_LISTED_FINDINGS + 5 }, (_, i) => ({ rule: 'r', severity: 'warning' as const, message: `m${i}`, artifacts: [], source: 's' }));
    const result = { artifacts: [], flows: [], timelines: [], findings, now: 0, unreadable: [], problems: [] } as unknown as AnalysisResult;
    const md = markdownSummary(result, [], META);
    expect(md.match(/^ {2}- `r`: m\d+\. Spec: s$/gm)).toHaveLength(MAX_LISTED_FINDINGS);
    expect(md).toContain('  - … and 5 more');
    expect(md).toContain(`- **Warnings (${MAX_LISTED_FINDINGS + 5})**`);
    expect(md).toContain('- Analysed: nothing');
  });
});
