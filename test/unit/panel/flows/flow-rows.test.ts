import { describe, expect, it } from 'vitest';
import { BUILTIN_PROFILES } from '../../../../src/core/index.js';
import type { Exchange, ExpiryTimeline, Lifetime } from '../../../../src/core/model.js';
import { claimText, flowRows, flowState, profileName, sessionEndsAt } from '../../../../src/panel/model/flow-rows.js';
import { HOSTILE, harExchanges, hostileLogin, indexed, jws, onlyFlow } from './fixtures.js';

const life = (expiresAt: number, kind: Lifetime['kind'] = 'access_token'): Lifetime => ({ artifact: 'a', kind, source: 'exp', label: kind, expiresAt, remaining: 0 });

describe('flowState', () => {
  it.each([
    // endsAt, refreshed, now, state
    [undefined, false, 100, 'active'],
    [undefined, true, 100, 'refreshed'],
    [200, false, 199, 'active'],
    [200, true, 199, 'refreshed'],
    [200, false, 200, 'expired'],
    [200, true, 200, 'expired'],
    [200, true, 5000, 'expired'],
  ] as const)('ends %s, refreshed %s, at %s: %s', (endsAt, refreshed, now, state) => {
    expect(flowState(endsAt, refreshed, now)).toBe(state);
  });
});

describe('sessionEndsAt', () => {
  it('takes sessionEnd, never firstExpiry (the engine leaves sessionEnd out when no expiry ends the session)', () => {
    const base: ExpiryTimeline = { flow: 'f', now: 0, lifetimes: [] };
    expect(sessionEndsAt(undefined)).toBeUndefined();
    expect(sessionEndsAt(base)).toBeUndefined();
    expect(sessionEndsAt({ ...base, firstExpiry: life(10) })).toBeUndefined();
    expect(sessionEndsAt({ ...base, firstExpiry: life(10), sessionEnd: life(50, 'refresh_token') })).toBe(50);
  });
});

describe('profileName and claimText', () => {
  it('names every built-in profile and keeps unknown ids', () => {
    for (const p of BUILTIN_PROFILES) expect(profileName(p.id)).toBe(p.name);
    expect(profileName('my-own')).toBe('my-own');
  });
  it.each([
    ['abc', 'abc'],
    [HOSTILE.markup, HOSTILE.markup],
    [42, '42'],
    [{ a: [1] }, '{"a":[1]}'],
    [null, 'null'],
    [undefined, ''],
  ])('claimText(%j)', (value, text) => expect(claimText(value)).toBe(text));
});

describe('flowRows on the sample login (code flow, userinfo, refresh, sub mismatch)', async () => {
  const exchanges = harExchanges('sample-login.har');
  const index = await indexed(exchanges);
  const flow = onlyFlow(index);
  const endsAt = sessionEndsAt(index.timelineOf.get(flow.id))!;

  it('derives the row from the flow, its findings and its timeline', () => {
    const [row] = flowRows(index, endsAt - 1);
    const findings = index.findingsByFlow.get(flow.id) ?? [];
    expect(row).toMatchObject({
      id: flow.id,
      issuer: flow.issuer,
      profile: flow.profile,
      profileName: BUILTIN_PROFILES.find((p) => p.id === flow.profile)!.name,
      client: flow.clientId,
      subject: flow.subject,
      type: flow.type,
      serverSide: false,
      startedAt: flow.startedAt,
      endsAt: index.timelineOf.get(flow.id)!.sessionEnd!.expiresAt,
      refreshed: true,
      errors: findings.filter((f) => f.severity === 'error').length,
      warnings: findings.filter((f) => f.severity === 'warning').length,
      infos: findings.filter((f) => f.severity === 'info').length,
      now: endsAt - 1,
    });
    expect(row!.errors + row!.warnings + row!.infos).toBe(findings.length);
  });

  it('is refreshed until the session ends, then expired', () => {
    expect(flowRows(index, endsAt - 1)[0]?.state).toBe('refreshed');
    expect(flowRows(index, endsAt)[0]?.state).toBe('expired');
    expect(flowRows(index, endsAt + 3600)[0]?.state).toBe('expired');
  });

  it('exposes the two subjects of the x-ui-sub finding from the artifacts it names', () => {
    const finding = index.findingsByFlow.get(flow.id)!.find((f) => f.rule === 'x-ui-sub')!;
    const [a, b] = finding.artifacts.map((id) => index.byId.get(id)!);
    const idToken = [a, b].find((x) => x?.kind === 'id_token')!;
    const userinfo = [a, b].find((x) => x?.kind === 'userinfo')!;
    const m = flowRows(index, endsAt)[0]?.subMismatch;
    expect(m).toEqual({
      idTokenSub: idToken.claims?.['sub'],
      userinfoSub: userinfo.claims?.['sub'],
      artifacts: finding.artifacts,
      message: finding.message,
      severity: finding.severity,
    });
    expect(m?.idTokenSub).not.toBe(m?.userinfoSub);
  });

  it('without the refresh exchange, the same login is active until it ends', async () => {
    const refresh = exchanges.filter((e) => e.requestForm?.['grant_type']?.[0] === 'refresh_token');
    expect(refresh).toHaveLength(1);
    const before = await indexed(exchanges.filter((e) => !refresh.includes(e)));
    const f = onlyFlow(before);
    const ends = sessionEndsAt(before.timelineOf.get(f.id))!;
    expect(ends).toBeLessThan(endsAt);
    expect(flowRows(before, ends - 1)[0]).toMatchObject({ state: 'active', refreshed: false });
    expect(flowRows(before, ends)[0]?.state).toBe('expired');
  });

  it('a flow without any lifetime stays active (nothing says it ended)', async () => {
    const edge = await indexed(harExchanges('edge-cases.har'));
    const bare = edge.result.flows.filter((f) => (edge.timelineOf.get(f.id)?.lifetimes.length ?? 0) === 0);
    expect(bare.length).toBeGreaterThan(0);
    const rows = flowRows(edge, 4_000_000_000);
    for (const f of bare) expect(rows.find((r) => r.id === f.id)?.state).toBe('active');
  });

  it('reuses the now-independent part per index and only re-derives the state', () => {
    const a = flowRows(index, endsAt - 1);
    const b = flowRows(index, endsAt + 1);
    expect(a[0]).not.toBe(b[0]);
    expect({ ...a[0], state: '', now: 0 }).toEqual({ ...b[0], state: '', now: 0 });
  });
});

describe('flowRows on an offline session (refresh_expires_in: 0), issue 4 review', () => {
  it('stays active after the access and ID tokens expire, as the engine\'s timeline says', async () => {
    const now = 1_700_000_000;
    const iss = 'https://idp.example.com';
    const at = (now - 5) * 1000;
    const body = { access_token: 'opaque-at', token_type: 'Bearer', expires_in: 300, refresh_token: 'opaque-rt', refresh_expires_in: 0, id_token: jws({ iss, sub: 's', aud: 'web', iat: now - 5, exp: now + 300 }) };
    const token: Exchange = {
      id: 'x1',
      method: 'POST',
      url: `${iss}/token`,
      requestHeaders: [],
      requestForm: { grant_type: ['authorization_code'], code: ['c'], client_id: ['web'] },
      status: 200,
      responseHeaders: [{ name: 'Content-Type', value: 'application/json' }],
      responseBody: { text: JSON.stringify(body), mimeType: 'application/json' },
      startedAt: at,
      endedAt: at + 40,
      seenBy: { request: ['webRequest'] },
    };
    const index = await indexed([token], now);
    const timeline = index.timelineOf.get(onlyFlow(index).id)!;
    // The engine: lifetimes known, none ends the session.
    expect(timeline.firstExpiry).toBeDefined();
    expect(timeline.sessionEnd).toBeUndefined();
    const later = timeline.firstExpiry!.expiresAt + 3600;
    expect(flowRows(index, later)[0]).toMatchObject({ state: 'active', endsAt: undefined });
  });
});

describe('flowRows on a flow whose subjects carry markup and a javascript: URL', () => {
  it('keeps the values as plain text', async () => {
    const now = 1_700_000_000;
    const index = await indexed(hostileLogin(now), now);
    const [row] = flowRows(index, now);
    expect(row?.subject).toBe(HOSTILE.url);
    expect(row?.subMismatch).toMatchObject({ idTokenSub: HOSTILE.url, userinfoSub: HOSTILE.markup });
  });
});

describe('flowRows on the server-side exchange of edge-cases.har', () => {
  it('marks the flow server-side', async () => {
    const index = await indexed(harExchanges('edge-cases.har'));
    const rows = flowRows(index, 0);
    expect(rows.map((r) => r.serverSide)).toEqual(index.result.flows.map((f) => f.serverSideExchange));
    expect(rows.some((r) => r.serverSide)).toBe(true);
  });
});
