import { isJsonObject } from '../util/json-lenient.js';
import type { ClaimDoc } from './types.js';
import { Problems, booleanAt, enumAt, gotType, rejectUnknown, stringAt } from './validate-helpers.js';
import { CLAIM_FORMATS, CLAIM_TYPES, SUPPORT_STATUSES } from './vocabulary.js';

const CLAIM_KEYS = ['name', 'type', 'format', 'required', 'support', 'description', 'expected', 'source', 'members'] as const;

/** How deep `members` may nest (an object in an object in ...). */
export const MAX_MEMBER_DEPTH = 8;

function validateDoc(value: unknown, path: string, depth: number, problems: Problems): ClaimDoc | undefined {
  if (!isJsonObject(value)) {
    problems.add(path, `expected a claim object { name, type, description, ... }, got ${gotType(value)}`);
    return undefined;
  }
  rejectUnknown(value, CLAIM_KEYS, path, problems);
  const name = stringAt(value, 'name', path, problems, true);
  if (name === '') problems.add(`${path}.name`, 'must not be empty');
  const type = enumAt(value, 'type', CLAIM_TYPES, path, problems, true);
  const description = stringAt(value, 'description', path, problems, true);
  const format = enumAt(value, 'format', CLAIM_FORMATS, path, problems);
  const required = booleanAt(value, 'required', path, problems);
  const support = enumAt(value, 'support', SUPPORT_STATUSES, path, problems);
  const source = stringAt(value, 'source', path, problems);
  let expected: ClaimDoc['expected'];
  if (Object.hasOwn(value, 'expected')) {
    const e = value.expected;
    if (typeof e === 'string' || typeof e === 'boolean' || (typeof e === 'number' && Number.isFinite(e))) expected = e;
    else problems.add(`${path}.expected`, `expected a string, number or boolean, got ${gotType(e)}`);
  }
  let members: ClaimDoc[] | undefined;
  if (Object.hasOwn(value, 'members')) {
    if (type !== undefined && type !== 'object' && type !== 'array') {
      problems.add(`${path}.members`, `only for type object or array (members of an object, or of the objects in an array), not ${type}`);
    } else if (depth >= MAX_MEMBER_DEPTH) {
      problems.add(`${path}.members`, `nested deeper than ${MAX_MEMBER_DEPTH} levels`);
    } else {
      members = validateClaimDocs(value.members, `${path}.members`, problems, depth + 1);
    }
  }
  if (name === undefined || name === '' || type === undefined || description === undefined) return undefined;
  const doc: ClaimDoc = { name, type, description };
  if (format !== undefined) doc.format = format;
  if (required !== undefined) doc.required = required;
  if (support !== undefined) doc.support = support;
  if (expected !== undefined) doc.expected = expected;
  if (source !== undefined) doc.source = source;
  if (members !== undefined) doc.members = members;
  return doc;
}

/**
 * Validates a list of claim documentations from user JSON (`claims.<kind>` or `members`), reporting each
 * problem with its path, e.g. `claims.userinfo[2].type: expected one of string, number, ...`. Returns the
 * valid entries as clean ClaimDocs (unknown properties dropped). Never throws.
 */
export function validateClaimDocs(value: unknown, path: string, problems: Problems, depth = 0): ClaimDoc[] | undefined {
  if (!Array.isArray(value)) {
    problems.add(path, `expected an array of claim objects, got ${gotType(value)}`);
    return undefined;
  }
  const out: ClaimDoc[] = [];
  const seen = new Set<string>();
  value.forEach((entry, i) => {
    const doc = validateDoc(entry, `${path}[${i}]`, depth, problems);
    if (!doc) return;
    if (seen.has(doc.name)) problems.add(`${path}[${i}].name`, `duplicate claim name ${JSON.stringify(doc.name)}`);
    seen.add(doc.name);
    out.push(doc);
  });
  return out;
}
