import { describe, expect, it } from 'vitest';
import { runRules } from '../../../src/core/rules/run.js';
import type { ArtifactRule, FlowRule } from '../../../src/core/rules/types.js';
import { context, flowOf, jsonArtifact, tokenArtifact } from '../helpers/rule-harness.js';

const throwing: ArtifactRule = { id: 'exp-passed', scope: 'artifact', kinds: ['access_token'], check() { throw new Error('boom'); } };
const reporting: ArtifactRule = { id: 'iat-future', scope: 'artifact', kinds: ['access_token'], check(a, _ctx, report) { report({ message: `seen ${a.id}` }); } };
const flowRule: FlowRule = { id: 'x-ui-sub', scope: 'flow', check(f, _ctx, report) { report({ message: `flow ${f.id}`, artifacts: f.artifacts }); } };

describe('runRules', () => {
  it('turns a throwing rule into an info finding and still runs the others', () => {
    const a = tokenArtifact('access_token', { sub: 'x' });
    const findings = runRules([throwing, reporting], [a], [], context({ artifacts: [a] }));
    expect(findings).toEqual([
      { rule: 'exp-passed', severity: 'info', message: 'internal error in rule exp-passed: boom', artifacts: [a.id], source: 'RFC 7519 §4.1.4; Core §3.1.3.7 step 9' },
      { rule: 'iat-future', severity: 'warning', message: `seen ${a.id}`, artifacts: [a.id], source: 'Core §3.1.3.7 step 10' },
    ]);
  });

  it('runs artifact rules only on their kinds, and applies the profile severity override', () => {
    const at = tokenArtifact('access_token', { sub: 'x' }, undefined, { profile: 'strict' });
    const idt = tokenArtifact('id_token', { sub: 'x' });
    const findings = runRules([reporting], [at, idt], [], context({ artifacts: [at, idt], profiles: [{ id: 'strict', name: 'Strict', severity: { 'iat-future': 'error' } }] }));
    expect(findings.map((f) => [f.artifacts[0], f.severity])).toEqual([[at.id, 'error']]);
  });

  it('gives flow findings their flow id and the artifacts the rule named', () => {
    const ui = jsonArtifact('userinfo', { sub: 'a' });
    const flow = flowOf([ui]);
    const [f] = runRules([flowRule], [], [flow], context({ artifacts: [ui], flows: [flow] }));
    expect(f).toMatchObject({ rule: 'x-ui-sub', severity: 'error', flow: flow.id, artifacts: [ui.id], message: `flow ${flow.id}` });
  });
});
