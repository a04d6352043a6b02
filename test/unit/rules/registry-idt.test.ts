import { describe, expect, it } from 'vitest';
import { ruleInfo } from '../../../src/core/rules/catalogue.js';
import { idtRules } from '../../../src/core/rules/registry-idt.js';

describe('registry-idt', () => {
  it('registers the section C rules in catalogue order, each an ID token rule with a catalogue entry', () => {
    expect(idtRules.map((r) => r.id)).toEqual(['idt-required', 'idt-iss', 'idt-aud', 'idt-azp', 'idt-nonce', 'idt-hashes', 'idt-acr', 'idt-sig']);
    for (const rule of idtRules) {
      expect(ruleInfo(rule.id)).toBeDefined();
      expect(rule).toMatchObject({ scope: 'artifact', kinds: ['id_token'] });
    }
  });
});
