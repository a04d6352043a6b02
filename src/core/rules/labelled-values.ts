import type { Artifact } from '../model.js';
import { sameJson } from './claim-values.js';
import { show } from './util.js';

/** A value of one claim or member, with the artifact it came from and how a message names it. */
export interface LabelledValue {
  artifact: Artifact;
  /** E.g. `ID token sid`, `token response session_state`. */
  label: string;
  value: unknown;
}

/** True when the values are not all equal (deep JSON equality). Fewer than two values are never in conflict. */
export function conflicting(values: readonly LabelledValue[]): boolean {
  const first = values[0];
  return first !== undefined && values.some((v) => !sameJson(v.value, first.value));
}

/** `ID token "a", access token "b"` for a message. Each value goes through `show()`, so it is cut to 80 characters. */
export function describeValues(values: readonly LabelledValue[]): string {
  return values.map((v) => `${v.label} ${show(v.value)}`).join(', ');
}

/** The ids of the artifacts the values came from, once each, in order. */
export function artifactIds(values: readonly LabelledValue[]): string[] {
  return [...new Set(values.map((v) => v.artifact.id))];
}
