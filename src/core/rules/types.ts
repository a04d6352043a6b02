import type { Artifact, ArtifactKind, Flow, Severity } from '../model.js';
import type { Profile } from '../profiles/types.js';

/** What a rule hands to {@link Reporter}; the runner adds the rule id, the catalogue source and defaults. */
export interface Report {
  /** Defaults to the catalogue severity (after the profile's override). */
  severity?: Severity;
  message: string;
  /** Defaults to the artifact the rule was run on (artifact rules) or none (flow rules). */
  artifacts?: string[];
  claim?: string;
}

export type Reporter = (report: Report) => void;

/** Everything a rule may read besides its artifact or flow. Rules never read clocks or globals. */
export interface RuleContext {
  /** Unix seconds. */
  now: number;
  /** Allowed clock skew in seconds (default 60, at most 300). */
  skew: number;
  /** Client ids given by the user (`--client-id`) for every issuer. */
  clientIds: readonly string[];
  /** Algorithms the user allows; empty means "use Discovery, else the JOSE registry". */
  algAllowlist: readonly string[];
  profileOf(artifact: Artifact): Profile;
  artifact(id: string): Artifact | undefined;
  /** The flow an artifact belongs to, if any. */
  flowOf(artifact: Artifact): Flow | undefined;
  /** The discovery document of an issuer, observed in the traffic or fetched. */
  discovery(issuer: string): Record<string, unknown> | undefined;
  /** The client id that applies to an artifact: user-given, else from its flow's authorize request. */
  clientIdFor(artifact: Artifact): string | undefined;
  /** Every artifact of the analysis, in time order. */
  artifacts(): readonly Artifact[];
  /** Every flow of the analysis, in time order. */
  flows(): readonly Flow[];
}

/** A rule over one artifact. `check` must not throw (the runner still guards it). */
export interface ArtifactRule {
  id: string;
  scope: 'artifact';
  kinds: readonly ArtifactKind[];
  check(artifact: Artifact, ctx: RuleContext, report: Reporter): void;
}

/** A rule over one flow (the x-* rules). */
export interface FlowRule {
  id: string;
  scope: 'flow';
  check(flow: Flow, ctx: RuleContext, report: Reporter): void;
}

export type Rule = ArtifactRule | FlowRule;
