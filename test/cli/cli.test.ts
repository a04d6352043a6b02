import { createServer, type Server } from 'node:http';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { base64url, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bin, buildCli, fixture, runCli, runNode } from './run-cli.js';

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
    ['a HAR that is not JSON', () => write('broken.har', '{"log": {"entries": ['), /: not a HAR file: the text is not JSON/],
    ['JSON that is not a HAR, with .har', () => write('other.har', '{"hello": 1}'), /: not a HAR file: it has no "log" member/],
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
      expect(r.stderr).not.toMatch(/not a HAR file.*not a HAR file|not a usable HAR file: not a HAR/);
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
    [['inspect', 'x.har'], /unknown command/],
    [['check', '--client-id=', 'x.har'], /--client-id needs a value/],
  ];
  for (const [args, reason] of badArgs) {
    it(`exits 2 for ${args.join(' ')}, with one line on stderr pointing to --help`, async () => {
      const r = await runCli(args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(reason);
      expect(r.stderr).toMatch(/^token-inspector: .*\(see token-inspector --help\)\n$/);
      expect(r.stderr).not.toContain('Usage:');
    });
  }

  it('exits 2 with one line for an unknown profile', async () => {
    const r = await runCli(['check', '--profile', 'nosuch', fixture('seeds/bankid-token-response.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/unknown profile "nosuch"/);
  });

  it('says in one line that the CLI is not built when build/cli.js is missing, and exits 2', async () => {
    const copy = join(mkdtempSync(join(tmpdir(), 'ti-unbuilt-')), 'bin');
    mkdirSync(copy);
    copyFileSync(bin, join(copy, 'token-inspector.js'));
    const r = await runNode([join(copy, 'token-inspector.js'), 'check', 'x.jwt']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('token-inspector: the CLI is not built; run npm run build:cli\n');
  });

  it('prints help with exit 0', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('token-inspector check [options] <file...>');
  });
});

describe('inputs without OAuth traffic', () => {
  it('reports an empty HAR as "No OAuth/OIDC traffic found." and exits 0, with nothing on stderr', async () => {
    const r = await runCli(['check', '--now', NOW, write('empty.har', '{"log":{"version":"1.2","entries":[]}}')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No OAuth/OIDC traffic found.');
    expect(r.stdout).toContain('0 errors, 0 warnings, 0 info');
    expect(r.stderr).toBe('');
  });

  it('prints the import warnings of a HAR whose entries were all skipped, at most 10 and a count', async () => {
    const entries = Array.from({ length: 13 }, () => ({ request: { method: 'GET' } }));
    const file = write('skipped.har', JSON.stringify({ log: { version: '1.2', entries } }));
    const r = await runCli(['check', '--now', NOW, file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No OAuth/OIDC traffic found.');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(11);
    expect(lines[0]).toBe(`token-inspector: ${file}: entry 0: no request.url, skipped`);
    expect(lines[9]).toBe(`token-inspector: ${file}: entry 9: no request.url, skipped`);
    expect(lines[10]).toBe(`token-inspector: ${file}: ... and 3 more`);
  });

  it('reports an empty HAR in --json as an empty analysis', async () => {
    const r = await runCli(['check', '--json', '--now', NOW, write('empty2.har', '{"log":{"version":"1.2","entries":[]}}')]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { artifacts: unknown[]; flows: unknown[]; inputs: { kind: string; exchanges: number }[] };
    expect(report).toMatchObject({ artifacts: [], flows: [], inputs: [{ kind: 'har', exchanges: 0 }] });
  });
});

describe('pasted tokens', () => {
  let token: string;
  beforeAll(async () => {
    token = await new SignJWT({ sub: 'alice', aud: 'app' }).setProtectedHeader({ alg: 'HS256' }).setIssuer('https://idp.example').setIssuedAt(1000).setExpirationTime(2000).sign(new Uint8Array(32));
  });
  const wrap = (t: string) => t.match(/.{1,40}/g)!.join('\n');

  const cases: [string, (t: string) => string, string][] = [
    ['an Authorization header value', (t) => `Bearer ${t}\n`, 'removed "Bearer "'],
    ['a quoted token', (t) => `"${t}"\n`, 'removed quotes'],
    ['a token wrapped over lines', (t) => `${wrap(t)}\n`, 'removed line breaks'],
    ['all three', (t) => `"Bearer ${wrap(t)}"`, 'removed quotes, "Bearer ", line breaks'],
  ];
  for (const [name, paste, removed] of cases) {
    it(`reads ${name} from stdin as the token, and says so once on stderr`, async () => {
      const r = await runCli(['check', '--json', '--now', '1500', '-'], paste(token));
      expect(r.stderr).toBe(`token-inspector: (stdin): read as a pasted token (${removed})\n`);
      const report = JSON.parse(r.stdout) as { artifacts: { kind: string; claims: { sub: string } }[]; findings: { rule: string }[] };
      expect(report.artifacts).toHaveLength(1);
      expect(report.artifacts[0]?.claims.sub).toBe('alice');
      expect(report.findings.map((f) => f.rule)).not.toContain('jws-parse');
    });
  }

  it('says nothing about a bare token', async () => {
    const r = await runCli(['check', '--json', '--now', '1500', '-'], `${token}\n`);
    expect(r.stderr).toBe('');
  });
});

describe('control characters never reach the terminal', () => {
  // C0 except the newlines the CLI writes itself, DEL, C1, line/paragraph separators, bidi overrides and isolates.
  // eslint-disable-next-line no-control-regex -- asserting their absence
  const RAW_CONTROLS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
  const b64 = (s: string) => base64url.encode(s);
  const evilIss = 'https://idp.example/\u001b]0;owned\u0007\u001b[2J\nFAKE LINE\u202e';
  const header = JSON.stringify({ alg: 'RS256', kid: 'k\u001b[31mred\r\ttab' });
  const evilName = JSON.stringify('x\u001b[8m\nname');
  const payload = `{"iss":${JSON.stringify(evilIss)},"sub":"u\u009b1","aud":"app","exp":2000,"iat":1000,${evilName}:1,${evilName}:2}`;
  const evilJwt = `${b64(header)}.${b64(payload)}.c2ln`;

  it('escapes them in the human report of a JWT (iss, kid, a duplicated claim name) and in the file name', async () => {
    const file = write('evil\u001b[1m\u2066name.jwt', evilJwt);
    const r = await runCli(['check', '--now', '1500', file]);
    expect(r.stdout).not.toMatch(RAW_CONTROLS);
    expect(r.stderr).not.toMatch(RAW_CONTROLS);
    expect(r.stdout).toContain('\\u001b]0;owned\\u0007\\u001b[2J');
    expect(r.stdout).toContain('kid k\\u001b[31mred\\u000d\\u0009tab');
    expect(r.stdout).toContain('evil\\u001b[1m\\u2066name.jwt');
    expect(r.stdout).toContain('jws-dup-names');
    expect(r.stdout).toMatch(/the payload has the name "x\\u001b\[8m\\nname" more than once/);
    expect(r.stdout).not.toMatch(/^FAKE LINE/m);
  });

  it('escapes them on stderr for a HAR whose first bytes are an OSC sequence, and in its file name', async () => {
    const file = write('osc\u001b[31m.har', '\u001b]0;owned\u0007{"log":{"version":"1.2","entries":[]}}');
    const r = await runCli(['check', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(RAW_CONTROLS);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('osc\\u001b[31m.har: not a HAR file');
    expect(r.stderr).toContain('\\u001b]0;owned\\u0007');
  });

  it('escapes them in an unknown option', async () => {
    const r = await runCli(['check', '--\u001b]0;x\u0007', 'x.jwt']);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(RAW_CONTROLS);
    expect(r.stderr).toContain('--\\u001b]0;x\\u0007');
  });
});

describe('the human report', () => {
  it('shows the date on the first step of a flow and the time alone on later steps of the same day', async () => {
    const r = await runCli(['check', '--now', NOW, fixture('har/sample-login.har')]);
    expect(r.stdout).toMatch(/^ {2}2021-08-18 11:27:31 {2}authorize request/m);
    expect(r.stdout).toMatch(/^ {13}11:27:37 {2}token response/m);
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
    // Token members of responses point at the token artifacts; no raw token is repeated in the report.
    const tokenResponse = report.artifacts.find((a) => a.kind === 'token_response') as { claims: Record<string, unknown> } | undefined;
    const ref = tokenResponse?.claims.id_token as { artifact: string } | undefined;
    expect(ref).toEqual({ artifact: expect.any(String) as string });
    expect(report.artifacts.find((a) => a.id === ref?.artifact)?.kind).toBe('id_token');
    expect(typeof tokenResponse?.claims.token_type).toBe('string');
    expect(r.stdout).not.toMatch(/"eyJ[\w-]*\.[\w-]*\.[\w-]*"/);
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

  describe('key fetching policy and transport', () => {
    let keyServer: Server;
    let o: string;
    const seen: string[] = [];
    let privateKey: CryptoKey;
    let publicJwk: Record<string, unknown>;
    let privateJwk: Record<string, unknown>;
    const big = 'a'.repeat(1024 * 1024 + 10);

    const discoveryOf = (issuer: string) => JSON.stringify({ issuer, jwks_uri: `${o}/jwks` });
    const signFor = (iss: string) => new SignJWT({ sub: 'alice', nonce: 'n' }).setProtectedHeader({ alg: 'RS256', kid: 'kp', typ: 'JWT' }).setIssuer(iss).setAudience('app').setIssuedAt(1000).setExpirationTime(2000).sign(privateKey);
    const sig = (stdout: string) => (JSON.parse(stdout) as { artifacts: { signature?: { status: string; reason?: string } }[] }).artifacts.find((a) => a.signature)?.signature;

    beforeAll(async () => {
      const pair = await generateKeyPair('RS256', { extractable: true });
      privateKey = pair.privateKey;
      publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'kp', alg: 'RS256', use: 'sig' };
      privateJwk = { ...(await exportJWK(pair.privateKey)), kid: 'kp', alg: 'RS256', use: 'sig' };
      keyServer = createServer((req, res) => {
        res.on('error', () => undefined);
        const url = req.url ?? '';
        seen.push(url);
        const json = { 'content-type': 'application/json; charset=utf-8' };
        if (url === '/ok/.well-known/openid-configuration') res.writeHead(200, json).end(discoveryOf(`${o}/ok`));
        else if (url === '/jwks') res.writeHead(200, json).end(JSON.stringify({ keys: [publicJwk] }));
        else if (url === '/redirect/.well-known/openid-configuration') res.writeHead(302, { location: '/moved/.well-known/openid-configuration' }).end();
        else if (url === '/moved/.well-known/openid-configuration') res.writeHead(200, json).end(discoveryOf(`${o}/redirect`));
        else if (url === '/liar/.well-known/openid-configuration') res.writeHead(200, json).end(discoveryOf(o));
        else if (url === '/html/.well-known/openid-configuration') res.writeHead(200, { 'content-type': 'text/html' }).end(discoveryOf(`${o}/html`));
        else if (url === '/big-length/.well-known/openid-configuration') {
          const body = JSON.stringify({ issuer: `${o}/big-length`, jwks_uri: `${o}/jwks`, pad: big });
          res.writeHead(200, { ...json, 'content-length': String(Buffer.byteLength(body)) }).end(body);
        } else if (url === '/big-chunked/.well-known/openid-configuration') {
          // No content-length: the cap must hold while the body streams in.
          const body = JSON.stringify({ issuer: `${o}/big-chunked`, jwks_uri: `${o}/jwks`, pad: big });
          res.writeHead(200, json);
          for (let i = 0; i < body.length; i += 64 * 1024) res.write(body.slice(i, i + 64 * 1024));
          res.end();
        } else res.writeHead(404, json).end('{}');
      });
      await new Promise<void>((resolve) => keyServer.listen(0, '127.0.0.1', resolve));
      const address = keyServer.address();
      o = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    });
    afterAll(() => new Promise<void>((resolve) => keyServer.close(() => resolve())));

    const check = async (name: string, iss: string, extra: string[] = []) => {
      seen.length = 0;
      const r = await runCli(['check', '--json', '--fetch-keys', '--now', '1500', ...extra, write(name, await signFor(iss))]);
      return sig(r.stdout);
    };

    it('verifies against a loopback issuer served as application/json; charset=utf-8 (the baseline)', async () => {
      expect((await check('p1.jwt', `${o}/ok`))?.status).toBe('valid');
      expect(seen).toEqual(['/ok/.well-known/openid-configuration', '/jwks']);
    });

    it('does not follow a redirect', async () => {
      const s = await check('p2.jwt', `${o}/redirect`);
      expect(s?.status).toBe('no-key');
      expect(s?.reason).toContain('redirect');
      expect(seen).toEqual(['/redirect/.well-known/openid-configuration']);
    });

    it.each(['big-chunked', 'big-length'])('does not read a body over 1 MB (%s)', async (path) => {
      const s = await check(`p3-${path}.jwt`, `${o}/${path}`);
      expect(s?.status).toBe('no-key');
      expect(s?.reason).toContain('larger than 1048576 bytes');
      expect(seen).toEqual([`/${path}/.well-known/openid-configuration`]);
    });

    it('does not take a response that is not JSON', async () => {
      const s = await check('p4.jwt', `${o}/html`);
      expect(s?.status).toBe('no-key');
      expect(s?.reason).toContain('"text/html", not JSON');
      expect(seen).toEqual(['/html/.well-known/openid-configuration']);
    });

    it('does not use a discovery document that names another issuer', async () => {
      const s = await check('p5.jwt', `${o}/liar`);
      expect(s?.status).toBe('no-key');
      expect(s?.reason).toContain(`names the issuer "${o}"`);
      expect(seen).toEqual(['/liar/.well-known/openid-configuration']);
    });

    it('makes no request for an issuer with a query', async () => {
      const s = await check('p6.jwt', `${o}/flushall?x`);
      expect(s?.status).toBe('no-key');
      expect(s?.reason).toMatch(/^not fetched: .*has a query/);
      expect(seen).toEqual([]);
    });

    it('verifies with --jwks holding a single JWK, and with --jwks holding the private key', async () => {
      seen.length = 0;
      const token = write('p7.jwt', await signFor(`${o}/ok`));
      const single = await runCli(['check', '--json', '--jwks', write('single.jwk', JSON.stringify(publicJwk)), '--now', '1500', token]);
      expect(sig(single.stdout)?.status).toBe('valid');
      const priv = await runCli(['check', '--json', '--jwks', write('private.jwks', JSON.stringify({ keys: [privateJwk] })), '--now', '1500', token]);
      expect(sig(priv.stdout)?.status).toBe('valid');
      expect(seen).toEqual([]);
    });

    it('verifies with a JWKS file given as an input, without network', async () => {
      seen.length = 0;
      const r = await runCli(['check', '--json', '--now', '1500', write('p8.jwt', await signFor(`${o}/ok`)), write('p8-keys.json', JSON.stringify({ keys: [publicJwk] }))]);
      expect(sig(r.stdout)).toMatchObject({ status: 'valid', keySource: 'JWKS file' });
      expect(seen).toEqual([]);
    });
  });
});

describe('the default "now"', () => {
  it('is the time of the last request for HAR input, said in the report', async () => {
    const r = await runCli(['check', '--json', fixture('har/sample-login.har')]);
    const report = JSON.parse(r.stdout) as { now: number; nowSource: string; findings: { rule: string; severity: string }[] };
    expect(report.nowSource).toBe('capture');
    // The refresh at 2021-08-18T11:53:21Z is the last request of the sample.
    expect(report.now).toBeGreaterThanOrEqual(1629287601);
    expect(report.now).toBeLessThan(1629287601 + 60);
    // At capture time the refreshed tokens are valid: no expiry error.
    expect(report.findings.filter((f) => f.rule === 'exp-passed' && f.severity === 'error')).toEqual([]);
    const human = await runCli(['check', fixture('har/sample-login.har')]);
    expect(human.stdout).toContain('the time of the last request in the capture; --now to change');
  });

  it('is the clock for documents, and --now wins over both', async () => {
    const doc = await runCli(['check', '--json', fixture('seeds/bankid-token-response.json')]);
    expect((JSON.parse(doc.stdout) as { nowSource: string }).nowSource).toBe('clock');
    const given = await runCli(['check', '--json', '--now', NOW, fixture('har/sample-login.har')]);
    expect(JSON.parse(given.stdout)).toMatchObject({ now: Number(NOW), nowSource: 'option' });
  });
});

describe('--profile with a user JSON profile', () => {
  const profile = {
    id: 'acme',
    name: 'Acme IdP',
    extends: 'oidc',
    issuers: ['https://auth.current.bankid.no/auth/realms/current'],
    claims: { id_token: [{ name: 'acr', type: 'string', expected: 'substantial', description: 'Level of assurance', source: 'Acme guide, acr' }] },
  };

  it('applies it: findings name the profile and its source', async () => {
    const file = write('acme.json', JSON.stringify(profile));
    const r = await runCli(['check', '--json', '--profile', file, '--now', NOW, fixture('seeds/bankid-token-response.json')]);
    const report = JSON.parse(r.stdout) as { artifacts: { profile: string }[]; findings: { rule: string; message: string }[] };
    expect(new Set(report.artifacts.map((a) => a.profile))).toEqual(new Set(['acme']));
    expect(report.findings.find((f) => f.rule === 'profile-claims')?.message).toContain('Acme IdP profile, Acme guide, acr');
  });

  it('an invalid profile is one line on stderr and exit 2', async () => {
    const file = write('bad-profile.json', JSON.stringify({ ...profile, claims: { id_token: [{ name: 'acr', type: 'text' }] } }));
    const r = await runCli(['check', '--profile', file, fixture('seeds/bankid-token-response.json')]);
    expect(r.code).toBe(2);
    expectOneLineError(r.stderr, file, /type/);
  });
});
