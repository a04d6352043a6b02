/**
 * Lookups over one analysis that every panel view needs: artifacts by id, the flow of an artifact, findings per
 * artifact and per flow, the expiry timeline of a flow, exchanges by id. Built once per analysis (pure, no DOM).
 */
import type { AnalysisResult } from '../../core/analyze.js';
import type { Artifact, Exchange, ExpiryTimeline, Finding, Flow } from '../../core/model.js';

/** See the module comment. Maps are read-only to the views. */
export interface AnalysisIndex {
  result: AnalysisResult;
  byId: ReadonlyMap<string, Artifact>;
  flowById: ReadonlyMap<string, Flow>;
  /** Artifact id -> the first flow holding it. */
  flowOf: ReadonlyMap<string, string>;
  /** Artifact id -> findings naming it, in the engine's order. */
  findingsByArtifact: ReadonlyMap<string, readonly Finding[]>;
  /** Flow id -> findings of the flow (by `finding.flow`, or through one of its artifacts), in the engine's order. */
  findingsByFlow: ReadonlyMap<string, readonly Finding[]>;
  timelineOf: ReadonlyMap<string, ExpiryTimeline>;
  exchangeById: ReadonlyMap<string, Exchange>;
  /** Artifacts in no flow (discovery, JWKS, pasted tokens), in the engine's order. */
  unlinked: readonly Artifact[];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Indexes `result` and the exchanges it was computed from. A finding is listed under each artifact it names and
 * once under each flow it concerns. Does not copy, sort or filter anything.
 */
export function indexAnalysis(result: AnalysisResult, exchanges: readonly Exchange[]): AnalysisIndex {
  const byId = new Map(result.artifacts.map((a) => [a.id, a]));
  const flowById = new Map(result.flows.map((f) => [f.id, f]));
  const flowOf = new Map<string, string>();
  for (const flow of result.flows) for (const id of flow.artifacts) if (!flowOf.has(id)) flowOf.set(id, flow.id);
  const findingsByArtifact = new Map<string, Finding[]>();
  const findingsByFlow = new Map<string, Finding[]>();
  for (const finding of result.findings) {
    for (const id of new Set(finding.artifacts)) push(findingsByArtifact, id, finding);
    const flows = new Set<string>();
    if (finding.flow) flows.add(finding.flow);
    for (const id of finding.artifacts) {
      const flow = flowOf.get(id);
      if (flow) flows.add(flow);
    }
    for (const flow of flows) push(findingsByFlow, flow, finding);
  }
  return {
    result,
    byId,
    flowById,
    flowOf,
    findingsByArtifact,
    findingsByFlow,
    timelineOf: new Map(result.timelines.map((t) => [t.flow, t])),
    exchangeById: new Map(exchanges.map((e) => [e.id, e])),
    unlinked: result.artifacts.filter((a) => !flowOf.has(a.id)),
  };
}
