import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../../src/core/rules/catalogue.js';
import { PROFILE_ID_PATTERN, parseUserProfile } from '../../../src/core/profiles/user-profile.js';
import { CLAIM_FORMATS, CLAIM_TYPES, PROFILE_TARGETS, SEVERITIES, SUPPORT_STATUSES } from '../../../src/core/profiles/vocabulary.js';

const schema = JSON.parse(readFileSync(new URL('../../../docs/profile.schema.json', import.meta.url), 'utf8'));
const guide = readFileSync(new URL('../../../docs/profiles.md', import.meta.url), 'utf8');

describe('docs/profile.schema.json agrees with the validator', () => {
  it('is draft 2020-12 and only requires id', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.required).toEqual(['id']);
    expect(schema.properties.id.pattern).toBe(PROFILE_ID_PATTERN.source);
  });

  it('has the same enumerations', () => {
    const claim = schema.$defs.claim.properties;
    expect(claim.type.enum).toEqual([...CLAIM_TYPES]);
    expect(claim.format.enum).toEqual([...CLAIM_FORMATS]);
    expect(claim.support.enum).toEqual([...SUPPORT_STATUSES]);
    expect(schema.$defs.severity.enum).toEqual([...SEVERITIES]);
    expect(Object.keys(schema.properties.claims.properties)).toEqual([...PROFILE_TARGETS]);
    expect(schema.properties.severity.propertyNames.enum).toEqual([...RULE_IDS]);
    expect(schema.$defs.claim.required).toEqual(['name', 'type', 'description']);
  });
});

describe('docs/profiles.md', () => {
  it('has a full example that parses', () => {
    const example = /### Full example\s+```json\n([\s\S]*?)\n```/.exec(guide)?.[1];
    expect(example).toBeDefined();
    const r = parseUserProfile(example ?? '');
    expect('errors' in r ? r.errors : []).toEqual([]);
    if ('profile' in r) expect(Object.keys(r.profile.claims ?? {})).toEqual(['id_token', 'access_token', 'userinfo', 'introspection', 'token_response']);
  });

  const ok = (name: string) => ({ name, type: 'string', description: name });
  it.each([
    [{ id: 'a', claims: { userinfo: [ok('a'), ok('b'), { name: 'c', type: 'text', description: 'c' }] } }, 'claims.userinfo[2].type:'],
    [{ id: 'a', severity: { 'idt-audience': 'info' } }, 'severity.idt-audience:'],
    [{ id: 'a', claims: { userinfo: [{ name: 'c', type: 'string', requried: true, description: 'c' }] } }, 'claims.userinfo[0].requried:'],
  ])('shows error messages exactly as the validator writes them (%#)', (input, start) => {
    const documented = guide.split('\n').find((l) => l.startsWith(start));
    expect(documented).toBeDefined();
    const r = parseUserProfile(JSON.stringify(input));
    expect('errors' in r ? r.errors : []).toContain(documented);
  });
});
