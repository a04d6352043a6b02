import type { Artifact, Finding, Flow, Severity } from '../model.js';
import { ruleInfo } from './catalogue.js';
import type { Report, Rule, RuleContext } from './types.js';

function toFinding(rule: Rule, report: Report, ctx: RuleContext, subject: Artifact | Flow): Finding {
  const info = ruleInfo(rule.id);
  const isArtifact = rule.scope === 'artifact';
  const artifacts = report.artifacts ?? (isArtifact ? [subject.id] : []);
  let severity: Severity = report.severity ?? info?.severity ?? 'error';
  // A profile may raise or lower a severity, never remove a rule.
  const first = isArtifact ? (subject as Artifact) : artifacts.map((id) => ctx.artifact(id)).find(Boolean);
  const override = first ? ctx.profileOf(first).severity?.[rule.id] : undefined;
  if (override && report.severity === undefined) severity = override;
  const finding: Finding = { rule: rule.id, severity, message: report.message, artifacts, source: info?.source ?? '' };
  if (report.claim !== undefined) finding.claim = report.claim;
  if (!isArtifact) finding.flow = subject.id;
  return finding;
}

/**
 * Runs artifact rules over the artifacts of matching kinds and flow rules over every flow.
 * Never throws: a rule that throws becomes an info finding naming the rule.
 */
export function runRules(rules: readonly Rule[], artifacts: readonly Artifact[], flows: readonly Flow[], ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  // One reporter for the whole run (rules are checked hundreds of thousands of times in a large capture).
  let rule: Rule = rules[0]!;
  let subject: Artifact | Flow = artifacts[0]!;
  const report = (r: Report) => out.push(toFinding(rule, r, ctx, subject));
  const failed = (err: unknown) => {
    // Rules must not throw; if one does, the user still gets the rest, and a visible trace of the bug.
    const reason = err instanceof Error ? err.message : String(err);
    out.push({ rule: rule.id, severity: 'info', message: `internal error in rule ${rule.id}: ${reason}`, artifacts: rule.scope === 'artifact' ? [subject.id] : [], source: ruleInfo(rule.id)?.source ?? '' });
  };
  for (const r of rules) {
    rule = r;
    if (r.scope === 'artifact') {
      for (const a of artifacts) {
        if (!r.kinds.includes(a.kind)) continue;
        subject = a;
        try {
          r.check(a, ctx, report);
        } catch (err) {
          failed(err);
        }
      }
    } else {
      for (const f of flows) {
        subject = f;
        try {
          r.check(f, ctx, report);
        } catch (err) {
          failed(err);
        }
      }
    }
  }
  return out;
}
