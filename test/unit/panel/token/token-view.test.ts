// @vitest-environment happy-dom
import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { h } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BUILTIN_PROFILES, relative, type Artifact, type ClaimDoc } from '../../../../src/core/index.js';
import type { AnalysisIndex } from '../../../../src/panel/model/analysis-index.js';
import { TokenView } from '../../../../src/panel/components/token/TokenView.js';
import { analysed, artifactWhere, claimOf, harExchanges } from './engine.js';

afterEach(() => {
  cleanup();
  vi.unstubAllEnvs();
});

const utc = (seconds: number) => new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
const docOf = (profile: string, kind: 'id_token' | 'access_token' | 'userinfo' | 'introspection', name: string): ClaimDoc => {
  const doc = BUILTIN_PROFILES.find((p) => p.id === profile)?.claims?.[kind]?.find((d) => d.name === name);
  if (!doc) throw new Error(`${profile} does not document ${kind} ${name}`);
  return doc;
};

function show(artifact: Artifact, index: AnalysisIndex, now: number, copy = vi.fn(async (_text: string) => {})) {
  const view = render(h(TokenView, { artifact, index, now, copy }));
  const card = view.container.querySelector<HTMLElement>('[data-testid="artifact"]')!;
  const claimEl = (name: string) => [...card.querySelectorAll<HTMLElement>('[data-testid="claim"]')].find((el) => el.getAttribute('data-claim') === name);
  const rowOf = (name: string) => claimEl(name)?.closest('tr') ?? undefined;
  return { view, card, copy, claimEl, rowOf };
}

describe('TokenView on the BankID sample login (sample-login.har)', () => {
  it('marks the card and shows every claim as its exact JSON text, nothing else inside', async () => {
    const probe = await analysed({ exchanges: harExchanges('sample-login.har') }, 0);
    const idToken = artifactWhere(probe, (a) => a.kind === 'id_token');
    const now = (claimOf(idToken, 'exp') as number) + 12 * 60;
    const index = await analysed({ exchanges: harExchanges('sample-login.har') }, now);
    const artifact = index.byId.get(idToken.id)!;
    const { card, claimEl } = show(artifact, index, now);
    expect(['artifact-id', 'kind', 'role', 'flow-id', 'signature'].map((n) => card.getAttribute(`data-${n}`))).toEqual([
      artifact.id,
      'id_token',
      '',
      index.flowOf.get(artifact.id),
      artifact.signature?.status,
    ]);
    const names = [...card.querySelectorAll('[data-testid="claim"]')].map((el) => el.getAttribute('data-claim'));
    expect(names).toEqual(Object.keys(artifact.claims!));
    for (const [name, value] of Object.entries(artifact.claims!)) {
      const el = claimEl(name)!;
      expect(el.children.length).toBe(0);
      expect(el.textContent).toBe(typeof value === 'object' && value !== null ? JSON.stringify(value, null, 2) : JSON.stringify(value));
    }
    expect(card.querySelector('[data-testid="profile"]')?.textContent).toContain('BankID Norway');
  });

  it('shows times in UTC, local and relative to a fixed now; milliseconds are read as such', async () => {
    vi.stubEnv('TZ', 'Asia/Baku'); // UTC+4 all year
    const probe = await analysed({ exchanges: harExchanges('sample-login.har') }, 0);
    const exp = claimOf(artifactWhere(probe, (a) => a.kind === 'id_token'), 'exp') as number;
    const now = exp + 12 * 60;
    const index = await analysed({ exchanges: harExchanges('sample-login.har') }, now);
    const artifact = artifactWhere(index, (a) => a.kind === 'id_token');
    const { rowOf } = show(artifact, index, now);
    const time = (name: string) => rowOf(name)?.querySelector('[data-testid="claim-time"]');

    const baku = new Date((exp + 4 * 3600) * 1000).toISOString().replace('T', ' ').replace('.000Z', ' UTC+04:00');
    expect(time('exp')?.querySelector('.utc')?.textContent).toBe(utc(exp));
    expect(time('exp')?.querySelector('.utc')?.getAttribute('datetime')).toBe(utc(exp));
    expect(time('exp')?.querySelector('.relative')?.textContent).toBe('expired 12 min ago');
    expect(time('exp')?.querySelector('.local')?.textContent).toBe(baku);

    const iat = claimOf(artifact, 'iat') as number;
    expect(time('iat')?.querySelector('.utc')?.textContent).toBe(utc(iat));
    expect(time('iat')?.querySelector('.relative')?.textContent).toBe(`issued ${relative(iat, now)}`);

    const updated = claimOf(artifact, 'updated_at') as number;
    expect(updated).toBeGreaterThan(1e11);
    expect(time('updated_at')?.querySelector('.utc')?.textContent).toBe(utc(updated / 1000));
    expect(time('updated_at')?.textContent).toContain('read as milliseconds');
    expect(time('sub')).toBeNull();
  });

  it("puts each finding next to the claim it names and the others at the top, for every artifact", async () => {
    const exchanges = harExchanges('sample-login.har');
    const index = await analysed({ exchanges }, 1_700_000_000);
    let nextToClaim = 0;
    let atTop = 0;
    for (const artifact of index.result.artifacts) {
      const { card, rowOf } = show(artifact, index, 1_700_000_000);
      const findings = index.findingsByArtifact.get(artifact.id) ?? [];
      expect(card.querySelectorAll('[data-testid="finding"]').length).toBe(findings.length);
      for (const f of findings) {
        const root = f.claim === undefined ? undefined : Object.keys(artifact.claims ?? {}).find((n) => f.claim === n || f.claim!.startsWith(`${n}.`));
        const where = root === undefined ? card.querySelector('.token-findings') : rowOf(root)?.nextElementSibling;
        if (root !== undefined) expect(where?.getAttribute('data-claim')).toBe(root);
        const el = [...(where?.querySelectorAll<HTMLElement>('[data-testid="finding"]') ?? [])].find((e) => e.dataset['rule'] === f.rule);
        expect(el, `${artifact.id} ${f.rule}`).toBeDefined();
        expect(['severity', 'flow-id', 'artifacts', 'claim'].map((n) => el!.getAttribute(`data-${n}`))).toEqual([f.severity, f.flow ?? '', f.artifacts.join(','), f.claim ?? '']);
        for (const text of [f.rule, f.severity, f.message, f.source]) expect(el!.textContent).toContain(text);
        if (root === undefined) atTop++;
        else nextToClaim++;
      }
      cleanup();
    }
    expect(nextToClaim).toBeGreaterThan(0);
    expect(atTop).toBeGreaterThan(0);
  });

  it('shows the header, the signature status with alg and kid, where the token was seen, and the profile docs', async () => {
    const index = await analysed({ exchanges: harExchanges('sample-login.har') }, 1_700_000_000);
    const access = artifactWhere(index, (a) => a.kind === 'access_token');
    const { card } = show(access, index, 1_700_000_000);
    expect([...card.querySelectorAll('[data-testid="header-param"]')].map((r) => r.getAttribute('data-name'))).toEqual(Object.keys(access.jwt!.header!));
    const sig = card.querySelector<HTMLElement>('[data-testid="signature"]')!;
    expect(sig.getAttribute('data-status')).toBe(access.signature!.status);
    expect(sig.getAttribute('data-alg')).toBe(access.jwt!.header!['alg']);
    expect(sig.getAttribute('data-kid')).toBe(access.jwt!.header!['kid']);
    expect([...card.querySelectorAll('[data-testid="occurrence"]')].map((o) => o.getAttribute('data-location'))).toEqual(access.occurrences.map((o) => o.location));

    const refresh = artifactWhere(index, (a) => a.kind === 'refresh_token');
    cleanup();
    const r = show(refresh, index, 1_700_000_000);
    expect(r.card.querySelector('[data-testid="signature"]')?.getAttribute('data-status')).toBe('unverifiable');
    expect(r.card.querySelector('[data-testid="signature"]')?.textContent).toContain(refresh.signature!.reason!);

    cleanup();
    const id = show(artifactWhere(index, (a) => a.kind === 'id_token'), index, 1_700_000_000);
    const authTime = docOf('bankid-no', 'id_token', 'auth_time');
    const cell = id.rowOf('auth_time')?.querySelector<HTMLElement>('[data-testid="claim-doc"]');
    expect(cell?.textContent).toContain(authTime.description);
    expect(cell?.textContent).toContain(authTime.source!);
    expect([cell?.getAttribute('data-type'), cell?.getAttribute('data-required'), cell?.getAttribute('data-support')]).toEqual(['numericdate', 'true', 'supported']);
  });
});

describe('TokenView documentation under the BirID and UAE PASS profiles (seed-defects.har)', () => {
  it('shows the BirID userinfo and access token docs and the UAE PASS introspection docs', async () => {
    const index = await analysed({ exchanges: harExchanges('seed-defects.har') }, 1_728_239_400);
    const userinfo = artifactWhere(index, (a) => a.kind === 'userinfo' && a.profile === 'birid');
    const u = show(userinfo, index, 1_728_239_400);
    expect(u.card.querySelector('[data-testid="profile"]')?.textContent).toContain('Kapitalbank BirID');
    const pin = docOf('birid', 'userinfo', 'pin');
    const pinCell = u.rowOf('pin')?.querySelector('[data-testid="claim-doc"]');
    expect(pinCell?.getAttribute('data-documented')).toBe('true');
    expect(pinCell?.textContent).toContain(pin.description);
    expect(pinCell?.textContent).toContain(pin.source!);
    const gender = docOf('birid', 'userinfo', 'gender');
    const members = [...(u.rowOf('gender')?.querySelectorAll('.doc-member') ?? [])].map((m) => m.querySelector('dt')?.textContent);
    expect(members).toEqual(gender.members!.map((m) => m.name));
    cleanup();

    const access = artifactWhere(index, (a) => a.kind === 'access_token' && a.profile === 'birid');
    const a = show(access, index, 1_728_239_400);
    const username = docOf('birid', 'access_token', 'preferred_username');
    const cell = a.rowOf('preferred_username')?.querySelector<HTMLElement>('[data-testid="claim-doc"]');
    expect(cell?.textContent).toContain(username.description);
    expect(cell?.textContent).toContain(`${username.type} · ${username.format}`);
    expect(cell?.getAttribute('data-required')).toBe('true');
    cleanup();

    const intro = artifactWhere(index, (x) => x.kind === 'introspection' && x.profile === 'uaepass' && Object.keys(x.claims ?? {}).length > 1);
    const i = show(intro, index, 1_728_239_400);
    expect(i.card.querySelector('[data-testid="profile"]')?.textContent).toContain('UAE PASS');
    const tokenType = docOf('uaepass', 'introspection', 'token_type');
    expect(i.rowOf('token_type')?.querySelector('[data-testid="claim-doc"]')?.textContent).toContain(`expected ${JSON.stringify(tokenType.expected)}`);
    const nbf = claimOf(intro, 'nbf') as number;
    expect(i.rowOf('nbf')?.querySelector('[data-testid="claim-time"] .utc')?.textContent).toBe(utc(nbf));
    // x-client-sub names sub: it sits right under the sub row.
    const subFindings = index.findingsByArtifact.get(intro.id)!.filter((f) => f.claim === 'sub');
    expect(subFindings.length).toBeGreaterThan(0);
    expect([...(i.rowOf('sub')?.nextElementSibling?.querySelectorAll('[data-testid="finding"]') ?? [])].map((f) => f.getAttribute('data-rule'))).toEqual(subFindings.map((f) => f.rule));
  });

  it('shows an opaque token as role, length and a copy button only', async () => {
    const index = await analysed({ exchanges: harExchanges('seed-defects.har') }, 1_728_239_400);
    const opaque = artifactWhere(index, (a) => a.kind === 'opaque_token' && a.jwt === undefined);
    const { card, copy } = show(opaque, index, 1_728_239_400);
    expect(card.getAttribute('data-role')).toBe(opaque.role);
    expect(card.querySelector('[data-testid="opaque"]')?.textContent).toContain(`${opaque.raw!.length} characters`);
    expect(card.querySelectorAll('[data-testid="claim"], [data-testid="segment"], [data-testid="signature"]').length).toBe(0);
    fireEvent.click(card.querySelector('[data-testid="copy-token"]')!);
    expect(copy).toHaveBeenCalledWith(opaque.raw);
  });
});

describe('TokenView with tokens made by jose', () => {
  const NOW = 1_700_000_000;
  const HOSTILE = { markup: '<img src=x onerror=alert(1)>', url: 'javascript:alert(1)', script: '<script>alert(2)</script>' };

  async function login() {
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1' };
    const idToken = await new SignJWT({ nonce: 'n', name: HOSTILE.markup, website: HOSTILE.url, picture: 'https://attacker.invalid/p.png', address: { street_address: HOSTILE.script }, [HOSTILE.markup]: HOSTILE.url })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setIssuer('https://op.example')
      .setSubject('u1')
      .setAudience('web')
      .setIssuedAt(NOW - 60)
      .setExpirationTime(NOW + 180)
      .sign(privateKey);
    const b64 = (s: string) => Buffer.from(s).toString('base64url');
    const jwe = [b64(JSON.stringify({ alg: 'RSA-OAEP-256', enc: 'A256GCM', kid: HOSTILE.markup })), b64('key'), b64('iv'), b64('ciphertext'), b64('tag')].join('.');
    const documents = [
      { name: 'jwks.json', text: JSON.stringify({ keys: [jwk] }), at: 0 },
      { name: 'tr.json', text: JSON.stringify({ access_token: 'opaque-123', token_type: 'Bearer', expires_in: 300, id_token: idToken }), at: (NOW - 60) * 1000 },
      { name: 'e.jwt', text: jwe, at: NOW * 1000 },
    ];
    return { idToken, jwe, index: await analysed({ documents }, NOW) };
  }

  it('verifies the signature and copies each segment and the whole token', async () => {
    const { idToken, index } = await login();
    const artifact = artifactWhere(index, (a) => a.kind === 'id_token');
    const { card, copy } = show(artifact, index, NOW);
    const sig = card.querySelector('[data-testid="signature"]')!;
    expect([sig.getAttribute('data-status'), sig.getAttribute('data-alg'), sig.getAttribute('data-kid')]).toEqual(['valid', 'ES256', 'k1']);
    expect(sig.textContent).toContain(artifact.signature!.keySource!);
    const segments = [...card.querySelectorAll<HTMLElement>('[data-testid="segment"]')];
    expect(segments.map((s) => s.getAttribute('data-part'))).toEqual(['header', 'payload', 'signature']);
    const parts = idToken.split('.');
    for (const [i, segment] of segments.entries()) {
      const button = segment.querySelector<HTMLButtonElement>('[data-testid="copy"]')!;
      expect(button.type).toBe('button');
      fireEvent.click(button);
      expect(copy).toHaveBeenLastCalledWith(parts[i]);
      await waitFor(() => expect(button.textContent).toBe('Copied'));
    }
    fireEvent.click(card.querySelector('[data-testid="copy-token"]')!);
    expect(copy).toHaveBeenLastCalledWith(idToken);
    expect(copy).toHaveBeenCalledTimes(4);
  });

  it('says when the clipboard refused', async () => {
    const { index } = await login();
    const copy = vi.fn(async () => {
      throw new Error('denied');
    });
    const { card } = show(artifactWhere(index, (a) => a.kind === 'id_token'), index, NOW, copy);
    const button = card.querySelector<HTMLButtonElement>('[data-testid="copy-token"]')!;
    fireEvent.click(button);
    await waitFor(() => expect(button.textContent).toBe('Copy failed'));
  });

  it('renders hostile claim values, names and header values as text: no element, no link', async () => {
    const { index } = await login();
    const artifact = artifactWhere(index, (a) => a.kind === 'id_token');
    const { view, card, claimEl } = show(artifact, index, NOW);
    expect(claimEl('name')?.textContent).toBe(JSON.stringify(HOSTILE.markup));
    expect(claimEl('website')?.textContent).toBe(JSON.stringify(HOSTILE.url));
    expect(claimEl(HOSTILE.markup)?.textContent).toBe(JSON.stringify(HOSTILE.url));
    expect(JSON.parse(claimEl('address')!.textContent!)).toEqual({ street_address: HOSTILE.script });
    expect(card.textContent).toContain(HOSTILE.markup);
    expect(view.container.querySelectorAll('img, script, iframe, object, a, [href], [src], [onerror]').length).toBe(0);
    cleanup();

    const jwe = artifactWhere(index, (a) => a.jwt?.format === 'jwe');
    const j = show(jwe, index, NOW);
    expect(j.card.querySelector('[data-testid="header-param"][data-name="kid"]')?.textContent).toContain(JSON.stringify(HOSTILE.markup));
    expect(j.view.container.querySelectorAll('img, script, a, [href], [src]').length).toBe(0);
  });

  it('shows a JWE with its five segments and an unchecked signature', async () => {
    const { jwe, index } = await login();
    const artifact = artifactWhere(index, (a) => a.jwt?.format === 'jwe');
    const { card, copy } = show(artifact, index, NOW);
    const segments = [...card.querySelectorAll<HTMLElement>('[data-testid="segment"]')];
    expect(segments.map((s) => s.getAttribute('data-part'))).toEqual(['header', 'encrypted_key', 'iv', 'ciphertext', 'tag']);
    fireEvent.click(segments[3]!.querySelector('[data-testid="copy"]')!);
    expect(copy).toHaveBeenCalledWith(jwe.split('.')[3]);
    expect(card.querySelector('[data-testid="signature"]')?.getAttribute('data-status')).toBe('not-checked');
    // The engine's jws-parse finding names no claim: it is listed at the top of the card.
    const top = [...card.querySelectorAll('.token-findings [data-testid="finding"]')].map((f) => f.getAttribute('data-rule'));
    expect(top).toEqual((index.findingsByArtifact.get(artifact.id) ?? []).map((f) => f.rule));
  });

  it('shows a token response with its documented members, a raw body and "Copy raw"', async () => {
    const { index } = await login();
    const response = artifactWhere(index, (a) => a.kind === 'token_response');
    const { card, rowOf, copy } = show(response, index, NOW);
    expect(rowOf('expires_in')?.querySelector('[data-testid="claim-doc"]')?.textContent).toContain(
      BUILTIN_PROFILES.find((p) => p.id === 'oidc')!.claims!.token_response!.find((d) => d.name === 'expires_in')!.description,
    );
    expect(card.querySelector('[data-testid="raw-body"] pre')?.textContent).toBe(response.raw);
    const button = card.querySelector<HTMLButtonElement>('[data-testid="copy-token"]')!;
    expect(button.textContent).toBe('Copy raw');
    fireEvent.click(button);
    expect(copy).toHaveBeenCalledWith(response.raw);
  });
});
