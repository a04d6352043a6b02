/**
 * What `npm start` prints about the captured login: the CLI's own human report (src/cli/report-human.ts) over
 * the exchanges the extension captured, so the terminal says what `token-inspector check` would say, then one
 * line per flow with the capture sources of each step, which the report does not show. Every line is escaped
 * for the terminal: issuers, subjects and client ids come from tokens and are not trusted. Does not analyse.
 */
import type { AnalysisResult, Flow } from '../../src/core/index.js';
import { escapeControls } from '../../src/cli/escape.js';
import { humanReport } from '../../src/cli/report-human.js';

/** One line: flow id, type, issuer, client, subject, then each step with the sources that saw it. */
export function flowLine(flow: Flow): string {
  const steps = flow.steps.map((s) => {
    // A redirect's response step has no exchange of its own, so no sources: nothing to show then.
    const seen = !s.observable ? ' [not observable]' : s.sources?.length ? ` [${[...s.sources].sort().join('+')}]` : '';
    return `${s.kind}${s.status !== undefined ? ` ${s.status}` : ''}${seen}`;
  });
  const facts = [`flow ${flow.id}`, flow.type, `issuer ${flow.issuer ?? '(unknown)'}`, `client ${flow.clientId ?? '(unknown)'}`, `subject ${flow.subject ?? '(unknown)'}`];
  return escapeControls(`${facts.join('  ')}  steps: ${steps.join(', ')}`);
}

/** The report for a live capture: `input` names it (there is no file), `skew` is the extension's setting. */
export function captureReport(result: AnalysisResult, input: string, skew: number): string {
  const flows = result.flows.length ? result.flows.map(flowLine) : ['no flow captured'];
  return `${humanReport(result, { inputs: [input], skew, nowSource: 'clock' })}\nFlows and the capture sources of their steps\n${flows.map((l) => `  ${l}`).join('\n')}\n`;
}
