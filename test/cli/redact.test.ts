/**
 * Issue 10 §2: `token-inspector redact` and `check --redact`, run as the built binary. The HAR is a customer's
 * login as a support team receives it (see support-har.ts); the counts are checked against the engine's own
 * `redactHar` on the same exchanges and against what the fixture is known to hold.
 */
import { linkSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importHar, REDACTED_NOTICE, redactHar, type RedactionCounts } from '../../src/core/index.js';
import { buildCli, fixture, runCli } from './run-cli.js';
import { supportHar, type SupportSecrets } from './support-har.js';

let dir: string;
let har: string;
let text: string;
let secrets: SupportSecrets;
let subs: { idToken: string; userinfo: string };
let expected: { counts: RedactionCounts; unparsed: string[] };

const all = () => Object.values(secrets).flat();

beforeAll(async () => {
  buildCli();
  dir = mkdtempSync(join(tmpdir(), 'ti-redact-'));
  const built = await supportHar();
  ({ text, secrets } = built);
  subs = { idToken: built.idTokenSub, userinfo: built.userinfoSub };
  har = join(dir, 'customer.har');
  writeFileSync(har, text);
  const imported = importHar(text);
  if (!imported.ok) throw new Error(imported.error);
  // The engine's own verdict on the same exchanges; counts and notes do not depend on the salt.
  const { counts, unparsed } = await redactHar(imported.exchanges, { name: 'test', version: '0' }, { salt: 'a test salt of some length' });
  expected = { counts, unparsed };
});

function stderrLines(stderr: string): string[] {
  return stderr.trimEnd().split('\n');
}

/** One line on stderr, naming `name` and matching `reason`, no stack trace, nothing on stdout. */
function expectOneLineError(r: { stdout: string; stderr: string; code: number }, name: string, reason: RegExp) {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  const lines = stderrLines(r.stderr);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^token-inspector: /);
  expect(lines[0]).toContain(name);
  expect(lines[0]).toMatch(reason);
}

function expectNoSecret(out: string) {
  for (const value of all()) expect(out, value).not.toContain(value);
}

describe('token-inspector redact', () => {
  it('writes the redacted HAR to stdout, and only it: no token, secret, cookie or personal value of the input', async () => {
    const r = await runCli(['redact', har]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { log: { comment: string; entries: unknown[] } };
    expect(out.log.comment).toMatch(/^Redacted by Token Inspector/);
    expect(out.log.entries).toHaveLength(5); // every entry stays, the binary one without its body
    expectNoSecret(r.stdout);
    expectNoSecret(r.stderr);
    // The input itself is unchanged.
    expect(readFileSync(har, 'utf8')).toBe(text);
  });

  it('reads - as standard input', async () => {
    const r = await runCli(['redact', '-'], text);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveProperty('log.comment');
    expectNoSecret(r.stdout);
  });

  it('writes to -o, prints nothing on stdout, and replaces an existing output file whole', async () => {
    const out = join(dir, 'shared.har');
    writeFileSync(out, 'an older file');
    const r = await runCli(['redact', har, '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const written = readFileSync(out, 'utf8');
    expect(JSON.parse(written)).toHaveProperty('log.comment');
    expectNoSecret(written);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const again = await runCli(['redact', `--output=${join(dir, 'shared2.har')}`, har]);
    expect(again.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'shared2.har'), 'utf8'))).toHaveProperty('log.comment');
  });

  it('uses a new salt each run: the pseudonyms of two runs differ', async () => {
    const [a, b] = await Promise.all([runCli(['redact', har]), runCli(['redact', har])]);
    expect(a.stdout).not.toBe(b.stdout);
  });

  it('says on stderr what it redacted, by category, with the engine\'s counts', async () => {
    const r = await runCli(['redact', har, '-o', join(dir, 'summary.har')]);
    expect(r.code).toBe(0);
    const c = expected.counts;
    // What the fixture holds: two ID tokens, a JWE, a client secret, two cookie values, a PNG, and at least
    // the three opaque tokens and five personal values it was built with.
    expect(c).toMatchObject({ signatures: 2, encrypted: 1, cookies: 2, masked: 1, bodiesLeftOut: 1 });
    expect(c.tokens).toBeGreaterThanOrEqual(3);
    expect(c.personal).toBeGreaterThanOrEqual(5);
    const tokens = c.signatures + c.encrypted + c.tokens;
    expect(stderrLines(r.stderr)).toEqual([
      `token-inspector: redacted ${tokens} tokens (2 JWS signatures stripped, 1 JWE masked, ${c.tokens} opaque tokens hashed), 1 secret, ${c.personal} personal values, 2 cookies; 1 binary body left out`,
      ...expected.unparsed.map((n) => `token-inspector: could not parse: ${n}`),
    ]);
  });

  it('says it was given a redacted export, and redacts it again', async () => {
    const once = join(dir, 'once.har');
    expect((await runCli(['redact', har, '-o', once])).code).toBe(0);
    const r = await runCli(['redact', once]);
    expect(r.code).toBe(0);
    expect(stderrLines(r.stderr)[0]).toBe(`token-inspector: ${once}: already a redacted export; redacting it again with a new salt`);
    expect(JSON.parse(r.stdout)).toHaveProperty('log.comment');
  });

  describe('never overwrites its input', () => {
    const targets: [string, () => string][] = [
      ['the same path', () => har],
      ['the same file by another path', () => join(dir, '.', 'customer.har')],
      ['a symbolic link to it', () => (symlinkSync(har, join(dir, 'link.har')), join(dir, 'link.har'))],
      ['a hard link to it', () => (linkSync(har, join(dir, 'hard.har')), join(dir, 'hard.har'))],
    ];
    for (const [name, target] of targets) {
      it(`refuses -o ${name}: exit 2, one line, the input unchanged`, async () => {
        const out = target();
        const r = await runCli(['redact', har, '-o', out]);
        expectOneLineError(r, out, /never overwrites its input/);
        expect(readFileSync(har, 'utf8')).toBe(text);
      });
    }
  });

  describe('inputs it cannot use: exit 2, exactly one line on stderr, nothing on stdout', () => {
    const cases: [string, () => string, RegExp][] = [
      ['a missing file', () => join(dir, 'missing.har'), /: no such file$/],
      ['a directory', () => dir, /: is a directory, not a file$/],
      ['a HAR that is not JSON', () => (writeFileSync(join(dir, 'cut.har'), '{"log": {"entries": ['), join(dir, 'cut.har')), /not a HAR file: the text is not JSON/],
      ['a raw JWT', () => (writeFileSync(join(dir, 'token.jwt'), 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl'), join(dir, 'token.jwt')), /not a HAR file: redact takes HAR files/],
      ['a JSON token response', () => fixture('seeds/bankid-token-response.json'), /not a HAR file: redact takes HAR files/],
    ];
    for (const [name, make, reason] of cases) {
      it(name, async () => {
        const file = make();
        const r = await runCli(['redact', file, '-o', join(dir, 'never-written.har')]);
        expectOneLineError(r, file, reason);
        expect(readdirSync(dir)).not.toContain('never-written.har');
      });
    }

    it('a JWT on standard input', async () => {
      const r = await runCli(['redact', '-'], 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl');
      expectOneLineError(r, '(stdin)', /not a HAR file: redact takes HAR files/);
    });

    it('a JSON report of check', async () => {
      const report = join(dir, 'report.json');
      writeFileSync(report, (await runCli(['check', '--json', har])).stdout);
      expectOneLineError(await runCli(['redact', report]), report, /a token-inspector JSON report, not a HAR file/);
    });

    it('an output it cannot write: one line, nothing written', async () => {
      const out = join(dir, 'no-such-dir', 'out.har');
      expectOneLineError(await runCli(['redact', har, '-o', out]), out, /can't write the redacted HAR \(no such directory\); nothing was written/);
    });
  });

  const badArgs: [string[], RegExp][] = [
    [['redact'], /no input file given/],
    [['redact', 'a.har', 'b.har'], /redact takes one HAR file, not 2/],
    [['redact', '--json', 'a.har'], /--json is an option of check, not of redact/],
    [['redact', 'a.har', '-o'], /-o needs a value/],
    [['redact', 'a.har', '-o', 'x.har', '-o', 'y.har'], /-o given twice/],
    [['check', '-o', 'x.har', 'a.har'], /-o is an option of redact/],
    [['check', '--format', 'xml', 'a.har'], /--format is one of human, json, markdown, not "xml"/],
    [['check', '--json', '--format', 'markdown', 'a.har'], /--json and --format markdown ask for different reports/],
  ];
  for (const [args, reason] of badArgs) {
    it(`exits 2 for ${args.join(' ')}, with one line pointing to --help`, async () => {
      const r = await runCli(args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(stderrLines(r.stderr)).toHaveLength(1);
      expect(r.stderr).toMatch(reason);
      expect(r.stderr).toMatch(/\(see token-inspector --help\)\n$/);
    });
  }

  it('is in --help', async () => {
    const r = await runCli(['--help']);
    expect(r.stdout).toContain('token-inspector redact [-o <out.har>] <in.har>');
    expect(r.stdout).toContain('--redact');
    expect(r.stdout).toContain('--format <format>');
  });
});

describe('check --redact', () => {
  const formats: [string, string[], (out: string) => void][] = [
    ['--json', ['--json'], (out) => expect(JSON.parse(out)).toHaveProperty('findings')],
    ['--format json', ['--format', 'json'], (out) => expect(JSON.parse(out)).toHaveProperty('findings')],
    ['--format markdown', ['--format', 'markdown'], (out) => expect(out).toMatch(/^#/m)],
    ['the human report', [], (out) => expect(out).toMatch(/\d+ errors, \d+ warnings, \d+ info\n$/)],
  ];
  for (const [name, flags, shape] of formats) {
    it(`${name}: the report holds no token, secret or personal value that the unredacted one shows, and still names the sub mismatch`, async () => {
      const [plain, redacted] = await Promise.all([runCli(['check', ...flags, har]), runCli(['check', ...flags, '--redact', har])]);
      // Both exit 1: the sub mismatch is an error finding either way.
      expect([plain.code, redacted.code]).toEqual([1, 1]);
      shape(plain.stdout);
      shape(redacted.stdout);
      // The unredacted report shows both subjects (so the test can see them go), the redacted one neither.
      expect(plain.stdout).toContain(subs.idToken);
      expect(plain.stdout).toContain(subs.userinfo);
      expectNoSecret(redacted.stdout);
      expectNoSecret(redacted.stderr);
      expect(redacted.stdout).toContain('x-ui-sub');
    });
  }

  it('--json: the unredacted report shows tokens and personal claims, which the redacted one replaces', async () => {
    const [plain, redacted] = await Promise.all([runCli(['check', '--json', har]), runCli(['check', '--json', '--redact', har])]);
    const shown = all().filter((v) => plain.stdout.includes(v));
    // The implicit-flow fragment carries the front-channel tokens; claims carry the name, e-mail and phone.
    expect(shown).toEqual(expect.arrayContaining([secrets.tokens[0], secrets.tokens[3], ...secrets.personal]));
    expectNoSecret(redacted.stdout);
    const report = JSON.parse(redacted.stdout) as { findings: { rule: string }[] };
    expect(report.findings.map((f) => f.rule).sort()).toEqual((JSON.parse(plain.stdout) as { findings: { rule: string }[] }).findings.map((f) => f.rule).sort());
  });
});

describe('a redacted HAR fed back to check', () => {
  it('prints the redacted-input notice and still reports the userinfo/ID token sub mismatch (x-ui-sub)', async () => {
    const out = join(dir, 'for-check.har');
    expect((await runCli(['redact', har, '-o', out])).code).toBe(0);
    const r = await runCli(['check', '--json', out]);
    expect(r.code).toBe(1);
    expect(stderrLines(r.stderr)).toContain(`token-inspector: ${out}: ${REDACTED_NOTICE}`);
    const report = JSON.parse(r.stdout) as { findings: { rule: string; message: string }[] };
    const mismatch = report.findings.filter((f) => f.rule === 'x-ui-sub');
    expect(mismatch).toHaveLength(1);
    expect(mismatch[0]!.message).not.toContain(subs.idToken);
    // The stripped signatures are named as such.
    expect(report.findings.some((f) => f.rule === 'alg-none')).toBe(true);
  });

  it('the same for the bundled sample login', async () => {
    const out = join(dir, 'sample-redacted.har');
    expect((await runCli(['redact', fixture('har/sample-login.har'), '-o', out])).code).toBe(0);
    const r = await runCli(['check', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(REDACTED_NOTICE);
    expect(r.stdout).toMatch(/^ {2}x-ui-sub /m);
  });
});
