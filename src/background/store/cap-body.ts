/** Per-body size caps applied before an observation is stored. */
import type { Observation } from '../../core/capture/observation.js';
import type { Body } from '../../core/model.js';

/** The longest body text kept (characters; base64 text for binary bodies). */
export const MAX_BODY_CHARS = 512 * 1024;

/** The body cut to `max` characters (base64 at a 4-character boundary, text not inside a surrogate pair). */
export function capBody(body: Body, max: number): Body {
  if (body.text.length <= max) return body;
  let end = body.encoding === 'base64' ? max - (max % 4) : max;
  const last = body.text.charCodeAt(end - 1);
  if (body.encoding !== 'base64' && last >= 0xd800 && last <= 0xdbff) end -= 1;
  return { ...body, text: body.text.slice(0, end), truncated: true };
}

function formChars(form: Record<string, string[]>): number {
  let n = 0;
  for (const [name, values] of Object.entries(form)) {
    n += name.length;
    for (const v of values) n += v.length;
  }
  return n;
}

const KB = (chars: number) => `${Math.round(chars / 1024)} KB`;

/**
 * The observation with each body cut to `max` characters (marked truncated, with a note saying the store cut
 * it) and a parsed form larger than that dropped (with a note; the raw body, if any, is still kept, cut).
 * Returns the observation itself when nothing was too large. Does not cap headers, URLs or notes.
 */
export function capObservation(obs: Observation, max: number = MAX_BODY_CHARS): Observation {
  const notes: string[] = [];
  const out: Observation = { ...obs };
  for (const part of ['requestBody', 'responseBody'] as const) {
    const body = obs[part];
    if (!body || body.text.length <= max) continue;
    out[part] = capBody(body, max);
    notes.push(`${part === 'requestBody' ? 'request' : 'response'} body cut to ${KB(max)} by the capture store`);
  }
  if (obs.requestForm && formChars(obs.requestForm) > max) {
    delete out.requestForm;
    notes.push(`request form of more than ${KB(max)} not kept by the capture store`);
  }
  if (notes.length === 0) return obs;
  out.notes = [...(obs.notes ?? []), ...notes];
  return out;
}
