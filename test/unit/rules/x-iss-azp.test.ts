import { describe, expect, it } from 'vitest';
import { xIssAzp } from '../../../src/core/rules/x-iss-azp.js';
import { expectNone, expectOne, jsonArtifact, tokenArtifact } from '../helpers/rule-harness.js';
import { runFlow, seed002, tokenResponse } from './cross-fixtures.js';

const ISS = 'https://auth.current.bankid.no/auth/realms/current';
const CODE = { grant_type: 'authorization_code' };

describe('x-iss-azp', () => {
  it('does not fire on seed 002 (both responses)', () => {
    expectNone(runFlow(xIssAzp, seed002().artifacts));
  });

  it('fires twice for seed 002 printed "decoded Access Token": iss (error) and azp (warning)', () => {
    const s = seed002();
    const printed = tokenArtifact('access_token', { iss: 'https://oidc-preprod.bankidapis.no/auth/realms/preprod', azp: 'Postman', sub: 'b3f4d919' });
    const resp = tokenResponse({}, [s.first.idToken, printed, s.first.refreshToken], CODE);
    const findings = runFlow(xIssAzp, [resp, s.first.idToken, printed, s.first.refreshToken]);
    expect(findings.map((f) => [f.rule, f.severity, f.claim])).toEqual([
      ['x-iss-azp', 'error', 'iss'],
      ['x-iss-azp', 'warning', 'azp'],
    ]);
    expect(findings[0]!.message).toContain(`iss differs across the tokens of one token response: ID token "${ISS}", access token "https://oidc-preprod.bankidapis.no/auth/realms/preprod", refresh token "${ISS}"`);
    expect(findings[1]!.message).toContain('ID token "oidc-testclient", access token "Postman", refresh token "oidc-testclient"');
    expect(findings[0]!.artifacts).toEqual([resp.id, s.first.idToken.id, printed.id, s.first.refreshToken.id]);
  });

  it('compares only the tokens of one response, not across responses', () => {
    const a = tokenArtifact('id_token', { iss: 'https://a', azp: 'c' });
    const b = tokenArtifact('id_token', { iss: 'https://b', azp: 'd' });
    const r1 = tokenResponse({}, [a], CODE);
    const r2 = tokenResponse({}, [b], { grant_type: 'refresh_token' });
    expectNone(runFlow(xIssAzp, [r1, a, r2, b]));
  });

  it('checks the tokens of an authorization response too', () => {
    const idt = tokenArtifact('id_token', { iss: 'https://a' }, undefined, { occurrences: [{ location: 'url.fragment.id_token', at: 0 }] });
    const at = tokenArtifact('access_token', { iss: 'https://b' }, undefined, { occurrences: [{ location: 'url.fragment.access_token', at: 0 }] });
    const authz = jsonArtifact('authorize_response', { state: 's' }, { children: [idt.id, at.id] });
    expectOne(runFlow(xIssAzp, [authz, idt, at], { type: 'implicit' }), 'x-iss-azp', 'error', 'one authorization response: ID token "https://a", access token "https://b"');
  });

  it('leaves out tokens without the claim', () => {
    const a = tokenArtifact('id_token', { iss: 'https://a' });
    const b = tokenArtifact('access_token', { iss: 'https://a', azp: 'c' });
    const c = tokenArtifact('refresh_token', { iss: null });
    expectNone(runFlow(xIssAzp, [tokenResponse({}, [a, b, c], CODE), a, b, c]));
  });

  it.each([
    ['no children', () => [jsonArtifact('token_response', { access_token: 'x' })]],
    ['children unknown to the context', () => [jsonArtifact('token_response', {}, { children: ['ghost1', 'ghost2'] })]],
    ['a single token', () => { const t = tokenArtifact('id_token', { iss: 'https://a' }); return [tokenResponse({}, [t], CODE), t]; }],
    ['children not an array', () => [jsonArtifact('token_response', {}, { children: 'x' as unknown as string[] })]],
  ])('no finding: %s', (_name, make) => {
    expectNone(runFlow(xIssAzp, make()));
  });

  it('hostile iss values do not throw and are compared as JSON', () => {
    const a = tokenArtifact('id_token', { iss: { nested: [1, 2] } });
    const b = tokenArtifact('access_token', { iss: { nested: [1, 2] } });
    const c = tokenArtifact('refresh_token', { iss: 7 });
    expectOne(runFlow(xIssAzp, [tokenResponse({}, [a, b, c], CODE), a, b, c]), 'x-iss-azp', 'error', 'refresh token 7');
    expectNone(runFlow(xIssAzp, [tokenResponse({}, [a, b], CODE), a, b]));
  });
  describe('Entra ID: v2 ID token with a v1 access token for another resource', () => {
    const TID = '72f988bf-86f1-41af-91ab-2d7cd011db47';
    const V2 = `https://login.microsoftonline.com/${TID}/v2.0`;
    const V1 = `https://sts.windows.net/${TID}/`;
    const CLIENT = '6731de76-14a6-49ae-97bc-6eba6914391e';
    const make = (atAud: unknown, rtIss?: string) => {
      const idt = tokenArtifact('id_token', { iss: V2, aud: CLIENT, sub: 's' }, undefined, { clientId: CLIENT });
      const at = tokenArtifact('access_token', { iss: V1, aud: atAud, appid: CLIENT, sub: 's2' });
      const tokens = [idt, at];
      if (rtIss) tokens.push(tokenArtifact('refresh_token', { iss: rtIss }));
      return [tokenResponse({}, tokens, CODE, { clientId: CLIENT }), ...tokens];
    };

    it('is info for a Graph access token (aud names another resource)', () => {
      const f = expectOne(runFlow(xIssAzp, make('00000003-0000-0000-c000-000000000000')), 'x-iss-azp', 'info', 'the access token is for another resource');
      expect(f.message).toContain(`ID token "${V2}", access token "${V1}"`);
      expect(f.message).toContain('RFC 6749 §1.4');
    });

    it.each([
      ['aud is the client id', CLIENT],
      ['aud contains the client id', ['https://graph.microsoft.com', CLIENT]],
      ['aud is the ID token issuer', V2],
      ['no aud', undefined],
    ])('stays an error when %s', (_name, aud) => {
      expectOne(runFlow(xIssAzp, make(aud)), 'x-iss-azp', 'error', 'all tokens of one response must come from the same issuer');
    });

    it('keeps the error for an ID token vs a refresh token, next to the info for the foreign access token', () => {
      const findings = runFlow(xIssAzp, make('https://graph.microsoft.com', 'https://other'));
      expect(findings.map((f) => [f.severity, f.claim])).toEqual([['error', 'iss'], ['info', 'iss']]);
      expect(findings[0]!.message).toContain(`ID token "${V2}", refresh token "https://other"`);
      expect(findings[0]!.message).not.toContain(V1);
    });

    it('uses the user-given client id', () => {
      const [resp, idt, at] = make('api://my-api');
      expectOne(runFlow(xIssAzp, [resp!, idt!, at!], {}, { clientId: 'api://my-api' }), 'x-iss-azp', 'error', 'same issuer');
    });
  });
});
