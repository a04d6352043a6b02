/**
 * The panel's filters (text, artifact kind, host, minimum severity) and their application to flows, requests,
 * artifacts and findings. Pure. Everything a keystroke needs is precomputed once per analysis by
 * {@link filterIndex}, so filtering 10,000 requests is a loop of `includes` calls.
 */
import type { Artifact, ArtifactKind, Exchange, Finding, Severity } from '../../core/model.js';
import type { AnalysisIndex } from './analysis-index.js';

/** What the user filters by; empty strings mean "any". */
export interface Filters {
  text: string;
  kind: ArtifactKind | '';
  host: string;
  /** Minimum severity: `warning` keeps errors and warnings. */
  severity: Severity | '';
}

/** No filter at all. */
export const NO_FILTERS: Filters = { text: '', kind: '', host: '', severity: '' };

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Whether `severity` is at least `minimum` (empty minimum: always). */
export function atLeast(severity: Severity, minimum: Severity | ''): boolean {
  return minimum === '' || RANK[severity] <= RANK[minimum];
}

/** The worst severity of `findings`, or undefined for none. */
export function worst(findings: readonly Finding[] | undefined): Severity | undefined {
  let best: Severity | undefined;
  for (const f of findings ?? []) if (best === undefined || RANK[f.severity] < RANK[best]) best = f.severity;
  return best;
}

const hosts = new Map<string, string>();
const MAX_CACHED_HOSTS = 50_000;

/** Host of a URL, lower-cased, or empty when it does not parse. Remembers recent answers (captures repeat URLs). */
export function hostOf(url: string | undefined): string {
  if (!url) return '';
  const known = hosts.get(url);
  if (known !== undefined) return known;
  let host = '';
  try {
    host = new URL(url).host.toLowerCase();
  } catch {
    // Not a URL: no host.
  }
  if (hosts.size >= MAX_CACHED_HOSTS) hosts.clear();
  hosts.set(url, host);
  return host;
}

interface Facts {
  /** Lower-cased text to search. */
  text: string;
  kinds: ReadonlySet<string>;
  hosts: ReadonlySet<string>;
  worst: Severity | undefined;
}

/** Precomputed facts per flow, per exchange and per unlinked artifact, plus the hosts to offer. */
export interface FilterIndex {
  flows: ReadonlyMap<string, Facts>;
  exchanges: ReadonlyMap<string, Facts>;
  artifacts: ReadonlyMap<string, Facts>;
  /** Every host seen, sorted. */
  hosts: string[];
  /** Every artifact kind present, sorted. */
  kinds: ArtifactKind[];
}

/** Claim text for search: names and values, capped so one huge body does not make every keystroke slow. */
const MAX_CLAIM_TEXT = 4096;
function claimText(a: Artifact): string {
  if (!a.claims) return '';
  let text: string;
  try {
    text = JSON.stringify(a.claims);
  } catch {
    return '';
  }
  return text.length > MAX_CLAIM_TEXT ? text.slice(0, MAX_CLAIM_TEXT) : text;
}

/**
 * The rule ids and messages of `findings`, so a text filter the Findings view matches on a finding (`x-ui-sub`)
 * also keeps the flow it belongs to, and "Show in flow" finds the flow shown.
 */
function findingText(findings: readonly Finding[] | undefined): string {
  return (findings ?? []).map((f) => `${f.rule} ${f.message}`).join('\n');
}

function artifactHosts(a: Artifact): string[] {
  const hosts = [hostOf(a.http?.url), ...a.occurrences.map((o) => hostOf(o.url))];
  if (a.issuer) hosts.push(hostOf(a.issuer));
  return hosts.filter((h) => h !== '');
}

function facts(parts: readonly string[], kinds: Iterable<string>, hosts: Iterable<string>, findings: readonly Finding[] | undefined): Facts {
  return { text: parts.join('\n').toLowerCase(), kinds: new Set(kinds), hosts: new Set(hosts), worst: worst(findings) };
}

/**
 * Builds the facts filters test: for a flow its issuer, client, subject, profile, type, the rule ids and messages
 * of its findings and the claims of its artifacts; for an artifact in no flow the same of its own; for an exchange
 * its method, URL, status and the kinds of artifacts it carried; findings by worst severity. Does not filter
 * anything.
 */
export function filterIndex(index: AnalysisIndex): FilterIndex {
  const allHosts = new Set<string>();
  const allKinds = new Set<ArtifactKind>();
  const byExchange = new Map<string, Artifact[]>();
  const artifactFacts = new Map<string, Facts>();
  for (const a of index.result.artifacts) {
    allKinds.add(a.kind);
    for (const o of a.occurrences) {
      if (!o.exchangeId) continue;
      const list = byExchange.get(o.exchangeId);
      if (list) {
        if (!list.includes(a)) list.push(a);
      } else byExchange.set(o.exchangeId, [a]);
    }
    if (!index.flowOf.has(a.id)) {
      const hosts = artifactHosts(a);
      const findings = index.findingsByArtifact.get(a.id);
      artifactFacts.set(a.id, facts([a.id, a.kind, a.role ?? '', a.issuer ?? '', a.profile, claimText(a), findingText(findings)], [a.kind], hosts, findings));
    }
  }
  const flows = new Map<string, Facts>();
  for (const flow of index.result.flows) {
    const members = flow.artifacts.map((id) => index.byId.get(id)).filter((a): a is Artifact => a !== undefined);
    const hosts = members.flatMap(artifactHosts);
    if (flow.issuer) hosts.push(hostOf(flow.issuer));
    const findings = index.findingsByFlow.get(flow.id);
    const parts = [flow.id, flow.issuer ?? '', flow.clientId ?? '', flow.subject ?? '', flow.profile, flow.type, findingText(findings), ...members.map(claimText)];
    flows.set(flow.id, facts(parts, members.map((a) => a.kind), hosts, findings));
  }
  const exchanges = new Map<string, Facts>();
  for (const e of index.exchangeById.values()) {
    const carried = byExchange.get(e.id) ?? [];
    const host = hostOf(e.url);
    if (host) allHosts.add(host);
    const findings = carried.flatMap((a) => index.findingsByArtifact.get(a.id) ?? []);
    exchanges.set(e.id, facts([e.method, e.url, e.status === undefined ? '' : String(e.status)], carried.map((a) => a.kind), host ? [host] : [], findings));
  }
  for (const f of [...flows.values(), ...artifactFacts.values()]) for (const h of f.hosts) allHosts.add(h);
  return { flows, exchanges, artifacts: artifactFacts, hosts: [...allHosts].sort(), kinds: [...allKinds].sort() };
}

/** Whether one item's facts pass the filters. Unknown items (no facts) pass only an empty filter. */
export function passes(f: Facts | undefined, filters: Filters): boolean {
  if (!f) return filters.text === '' && filters.kind === '' && filters.host === '' && filters.severity === '';
  if (filters.kind !== '' && !f.kinds.has(filters.kind)) return false;
  if (filters.host !== '' && !f.hosts.has(filters.host)) return false;
  if (filters.severity !== '' && (f.worst === undefined || !atLeast(f.worst, filters.severity))) return false;
  const text = filters.text.trim().toLowerCase();
  return text === '' || f.text.includes(text);
}

/** Whether no filter is set. */
export function isEmpty(filters: Filters): boolean {
  return filters.text.trim() === '' && filters.kind === '' && filters.host === '' && filters.severity === '';
}

/** The exchanges that pass, in their order. Returns `exchanges` itself when no filter is set. */
export function filterExchanges(exchanges: readonly Exchange[], fi: FilterIndex, filters: Filters): readonly Exchange[] {
  if (isEmpty(filters)) return exchanges;
  return exchanges.filter((e) => passes(fi.exchanges.get(e.id), filters));
}

/** The findings that pass the severity filter (the other filters choose flows and artifacts, not findings). */
export function filterFindings(findings: readonly Finding[], filters: Filters): readonly Finding[] {
  return filters.severity === '' ? findings : findings.filter((f) => atLeast(f.severity, filters.severity));
}

/** The hosts (of requests, and of issuers and artifact URLs) and artifact kinds present, sorted; no claim text. */
export function filterChoices(index: AnalysisIndex): { hosts: string[]; kinds: ArtifactKind[] } {
  const hosts = new Set<string>();
  const kinds = new Set<ArtifactKind>();
  for (const e of index.exchangeById.values()) hosts.add(hostOf(e.url));
  for (const a of index.result.artifacts) {
    kinds.add(a.kind);
    for (const h of artifactHosts(a)) hosts.add(h);
  }
  hosts.delete('');
  return { hosts: [...hosts].sort(), kinds: [...kinds].sort() };
}
