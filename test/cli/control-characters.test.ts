/**
 * Issue 10 §4: `--json` escapes control characters, line separators and bidi controls as the human report
 * does, and stays JSON that parses back to the same values; both reports escape the bidi marks too.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { base64url } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, runCli } from './run-cli.js';

// eslint-disable-next-line no-control-regex -- asserting their absence (both reports keep their own line breaks)
const RAW_UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const CLAIMS = {
  iss: 'https://idp.example/\u202egnp.exe',
  sub: 'u\u009b31m\u0085x\u200e\u200f\u061c',
  aud: 'app',
  exp: 2000,
  iat: 1000,
  name: 'a\u2028b\u2029c\u2066d\u2069',
};
const HEADER = { alg: 'RS256', kid: 'k\u0090\u202d' };

let dir = '';
let file = '';

beforeAll(() => {
  buildCli();
  dir = mkdtempSync(join(tmpdir(), 'ti-cli-ctl-'));
  file = join(dir, 'token.jwt');
  writeFileSync(file, `${base64url.encode(JSON.stringify(HEADER))}.${base64url.encode(JSON.stringify(CLAIMS))}.c2ln`);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('control and bidi characters in the CLI output', () => {
  it('--json writes them as \\u escapes and parses back to the same claims and header', async () => {
    const r = await runCli(['check', '--json', '--now', '1500', file]);
    expect(r.stdout).not.toMatch(RAW_UNSAFE);
    expect(r.stdout).toContain('"https://idp.example/\\u202egnp.exe"');
    expect(r.stdout).toContain('"u\\u009b31m\\u0085x\\u200e\\u200f\\u061c"');
    const report = JSON.parse(r.stdout) as { artifacts: { header?: unknown; claims: unknown }[] };
    const token = report.artifacts.find((a) => a.header !== undefined);
    expect(token?.claims).toEqual(CLAIMS);
    expect(token?.header).toEqual(HEADER);
  });

  it('the human report escapes the bidi marks as well', async () => {
    const r = await runCli(['check', '--now', '1500', file]);
    expect(r.stdout).not.toMatch(RAW_UNSAFE);
    expect(r.stdout).toContain('u\\u009b31m\\u0085x\\u200e\\u200f\\u061c');
    expect(r.stdout).toContain('kid k\\u0090\\u202d');
  });
});
