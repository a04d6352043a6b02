import { createServer, type Server } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, fixture, runCli } from './run-cli.js';

const NOW = '1629286057';
let dir: string;

beforeAll(() => {
  buildCli();
  dir = mkdtempSync(join(tmpdir(), 'ti-cli-'));
});

const write = (name: string, content: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

/** One line on stderr naming the file, and no stack trace. */
function expectOneLineError(stderr: string, file: string, reason: RegExp) {
  const lines = stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(file);
  expect(lines[0]).toMatch(reason);
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe('exit codes', () => {
  it('exits 0 when there is no error finding (seed 002 token response at its iat)', async () => {
    const r = await runCli(['check', '--now', NOW, fixture('seeds/bankid-token-response.json')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/0 errors, \d+ warnings/);
  });

  it('exits 1 on an error finding (the sample login: userinfo sub differs from the ID token sub)', async () => {
    const r = await runCli(['check', '--now', NOW, fixture('har/sample-login.har')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('x-ui-sub');
  });

  const unusable: [string, () => string, RegExp][] = [
    ['a missing file', () => join(dir, 'nope.har'), /no such file/],
    ['a directory', () => dir, /is a directory/],
    ['a HAR that is not JSON', () => write('broken.har', '{"log": {"entries": ['), /not a usable HAR file/],
    ['JSON that is not a HAR, with .har', () => write('other.har', '{"hello": 1}'), /not a usable HAR file.*log/],
    ['binary garbage', () => write('garbage.bin', new Uint8Array([0, 159, 146, 150, 1, 2, 255])), /not a HAR file, a JSON document or a JWT/],
    ['JSON beyond repair', () => write('bad.json', '{"a": [1, 2'), /not valid JSON/],
    ['an empty file', () => write('empty.txt', ''), /empty/],
  ];
  for (const [name, make, reason] of unusable) {
    it(`exits 2 with one line on stderr for ${name}`, async () => {
      const file = make();
      const r = await runCli(['check', file]);
      expect(r.code).toBe(2);
      expectOneLineError(r.stderr, file, reason);
    });
  }

  it('still reports the usable inputs when another one is unusable, and exits 2', async () => {
    const r = await runCli(['check', '--now', NOW, join(dir, 'missing.json'), fixture('seeds/bankid-token-response.json')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('id_token');
  });

  const badArgs: [string[], RegExp][] = [
    [['check'], /no input file/],
    [['check', '--bogus', 'x.har'], /unknown option --bogus/],
    [['check', '--skew', '301', 'x.har'], /at most 300/],
    [['check', '--now', 'yesterday', 'x.har'], /number of seconds/],
    [['check', '--profile', 'nosuch', fixture('seeds/bankid-token-response.json')], /unknown profile "nosuch"/],
    [['inspect', 'x.har'], /unknown command/],
  ];
  for (const [args, reason] of badArgs) {
    it(`exits 2 for ${args.join(' ')}`, async () => {
      const r = await runCli(args);
      expect(r.code).toBe(2);
      expect(r.stderr.split('\n')[0]).toMatch(reason);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });
  }

  it('prints help with exit 0', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('token-inspector check [options] <file...>');
  });
});

describe('--json', () => {
  it('prints one object with artifacts, flows and findings whose artifact ids resolve', async () => {
    const r = await runCli(['check', '--json', '--now', NOW, fixture('har/sample-login.har')]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as {
      artifacts: { id: string; kind: string; issuer: string | null; profile: string; claims: unknown }[];
      flows: { id: string; artifacts: string[]; timeline: unknown }[];
      findings: { rule: string; severity: string; message: string; artifacts: string[]; source: string; claim?: string }[];
    };
    const ids = new Set(report.artifacts.map((a) => a.id));
    for (const a of report.artifacts) {
      expect(Object.keys(a)).toEqual(expect.arrayContaining(['id', 'kind', 'issuer', 'profile', 'claims']));
    }
    expect(report.artifacts.map((a) => a.kind)).toEqual(expect.arrayContaining(['id_token', 'access_token', 'refresh_token', 'token_response', 'userinfo']));
    expect(report.flows.length).toBeGreaterThan(0);
    for (const f of report.findings) {
      expect(['error', 'warning', 'info']).toContain(f.severity);
      expect(f.rule).toMatch(/^[a-z0-9-]+$/);
      expect(f.source.length).toBeGreaterThan(0);
      for (const id of f.artifacts) expect(ids.has(id)).toBe(true);
    }
    const uiSub = report.findings.find((f) => f.rule === 'x-ui-sub');
    expect(uiSub?.severity).toBe('error');
    expect(uiSub?.message).toContain('9578-6000-4-30799');
  });

  it('reads a raw JWT from stdin', async () => {
    const token = await new SignJWT({ sub: 'alice', aud: 'app' }).setProtectedHeader({ alg: 'HS256' }).setIssuer('https://idp.example').setIssuedAt(1000).setExpirationTime(2000).sign(new Uint8Array(32));
    const r = await runCli(['check', '--json', '--now', '5000', '-'], `${token}\n`);
    const report = JSON.parse(r.stdout) as { artifacts: { claims: { sub: string } }[]; findings: { rule: string }[] };
    expect(report.artifacts[0]?.claims.sub).toBe('alice');
    expect(report.findings.map((f) => f.rule)).toContain('exp-passed');
    expect(r.code).toBe(1);
  });
});

describe('signatures', () => {
  let server: Server;
  let origin: string;
  const requests: string[] = [];
  let token: string;
  let jwksPath: string;

  beforeAll(async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    server = createServer((req, res) => {
      requests.push(req.url ?? '');
      res.setHeader('content-type', 'application/json');
      if (req.url === '/.well-known/openid-configuration') res.end(JSON.stringify({ issuer: origin, jwks_uri: `${origin}/jwks` }));
      else if (req.url === '/jwks') res.end(JSON.stringify({ keys: [jwk] }));
      else res.writeHead(404).end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    token = await new SignJWT({ sub: 'alice', nonce: 'n' }).setProtectedHeader({ alg: 'RS256', kid: 'k1', typ: 'JWT' }).setIssuer(origin).setAudience('app').setIssuedAt(1000).setExpirationTime(2000).sign(privateKey);
    jwksPath = write('keys.jwks', JSON.stringify({ keys: [jwk] }));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const signature = (stdout: string) => (JSON.parse(stdout) as { artifacts: { signature?: { status: string } }[] }).artifacts[0]?.signature?.status;

  it('makes no network request without --fetch-keys', async () => {
    requests.length = 0;
    const r = await runCli(['check', '--json', '--now', '1500', write('t1.jwt', token)]);
    expect(signature(r.stdout)).toBe('not-checked');
    expect(requests).toEqual([]);
  });

  it('fetches discovery and JWKS of the issuer with --fetch-keys and verifies', async () => {
    requests.length = 0;
    const r = await runCli(['check', '--json', '--fetch-keys', '--now', '1500', write('t2.jwt', token)]);
    expect(signature(r.stdout)).toBe('valid');
    expect(requests).toEqual(['/.well-known/openid-configuration', '/jwks']);
  });

  it('verifies with a JWKS file given with --jwks, without network', async () => {
    requests.length = 0;
    const r = await runCli(['check', '--json', '--jwks', jwksPath, '--now', '1500', write('t3.jwt', token)]);
    expect(signature(r.stdout)).toBe('valid');
    expect(requests).toEqual([]);
  });

  it('reports a tampered token as an invalid signature', async () => {
    const [h, p, s] = token.split('.');
    const tampered = `${h}.${p}.${s!.slice(0, -4)}AAAA`;
    const r = await runCli(['check', '--json', '--jwks', jwksPath, '--now', '1500', write('t4.jwt', tampered)]);
    expect(signature(r.stdout)).toBe('invalid');
  });
});
