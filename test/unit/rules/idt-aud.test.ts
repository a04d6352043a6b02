import { describe, expect, it } from 'vitest';
import { idtAud } from '../../../src/core/rules/idt-aud.js';
import { check, NOW, tokenArtifact } from '../helpers/rule-harness.js';
import { seed002IdToken } from './cross-fixtures.js';

const base = { iss: 'https://op.example', sub: 'u1', exp: NOW + 300, iat: NOW };

describe('idt-aud', () => {
  it.each<[string, Record<string, unknown>, string | undefined]>([
    ['aud equals the client id', { aud: 'c1' }, undefined],
    ['aud array contains the client id', { aud: ['api', 'c1'] }, undefined],
    ['aud names another client', { aud: 'tinfo' }, 'aud "tinfo" does not contain the client_id "c1"'],
    ['aud array without the client id', { aud: ['tinfo', 'account'] }, 'aud ["tinfo","account"] does not contain the client_id "c1"'],
    ['empty aud array', { aud: [] }, 'aud [] does not contain'],
    ['client id differs in case', { aud: 'C1' }, 'aud "C1" does not contain'],
    ['aud a number', { aud: 1 }, 'aud 1 does not contain the client_id "c1"'],
    ['aud an object', { aud: { c1: true } }, 'aud {"c1":true} does not contain'],
    ['aud null', { aud: null }, 'aud null does not contain'],
    ['client id nested in an array', { aud: [['c1']] }, 'aud [["c1"]] does not contain'],
    ['aud missing (idt-required reports it)', {}, undefined],
  ])('%s', (_name, claims, fragment) => {
    const findings = check(idtAud, [tokenArtifact('id_token', { ...base, ...claims })], { clientId: 'c1' });
    if (fragment === undefined) {
      expect(findings).toEqual([]);
      return;
    }
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'idt-aud', severity: 'error', claim: 'aud' });
    expect(findings[0]!.message).toContain(fragment);
  });

  it('says nothing when the client id is unknown', () => {
    expect(check(idtAud, [tokenArtifact('id_token', { ...base, aud: 'tinfo' })])).toEqual([]);
  });

  it('uses the artifact client id when no user-given one exists', () => {
    const t = tokenArtifact('id_token', { ...base, aud: 'tinfo' }, undefined, { clientId: 'umico' });
    expect(check(idtAud, [t])[0]?.message).toContain('the client_id "umico"');
  });

  it('accepts the seed 002 ID token for oidc-testclient and rejects it for tinfo', () => {
    expect(check(idtAud, [seed002IdToken()], { clientId: 'oidc-testclient' })).toEqual([]);
    const [f] = check(idtAud, [seed002IdToken()], { clientId: 'tinfo' });
    expect(f?.message).toBe('aud "oidc-testclient" does not contain the client_id "tinfo"');
  });
});
