/** What a manifest may ask for while the extension only reads DevTools traffic and keeps its own state. */
const ALLOWED_PERMISSIONS = new Set(['storage']);

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The source list of one CSP directive, or undefined when the policy lacks it. */
function directive(policy: string, name: string): string[] | undefined {
  for (const part of policy.split(';')) {
    const [head, ...sources] = part.trim().split(/\s+/);
    if (head?.toLowerCase() === name) return sources;
  }
  return undefined;
}

function cspProblems(csp: unknown): string[] {
  if (!isObject(csp) || typeof csp.extension_pages !== 'string') return ['content_security_policy.extension_pages is missing'];
  const policy = csp.extension_pages;
  const problems: string[] = [];
  const script = directive(policy, 'script-src');
  if (!script) problems.push('CSP has no script-src');
  else if (script.length === 0 || script.some((s) => s !== "'self'")) problems.push(`CSP script-src allows more than 'self': ${script.join(' ')}`);
  const object = directive(policy, 'object-src');
  if (!object) problems.push('CSP has no object-src');
  else if (object.length === 0 || object.some((s) => s !== "'self'" && s !== "'none'")) problems.push(`CSP object-src is not 'self' or 'none': ${object.join(' ')}`);
  return problems;
}

/**
 * The least-privilege problems of a Chrome MV3 manifest; empty when it is fine. Checks permissions, host access,
 * the extension-pages CSP and the module service worker. Does not check that referenced files exist.
 */
export function manifestProblems(manifest: unknown): string[] {
  if (!isObject(manifest)) return ['manifest is not a JSON object'];
  const problems: string[] = [];
  if (manifest.manifest_version !== 3) problems.push(`manifest_version is ${JSON.stringify(manifest.manifest_version)}, expected 3`);
  if (JSON.stringify(manifest).includes('<all_urls>')) problems.push('manifest mentions <all_urls>');
  for (const key of ['host_permissions', 'optional_host_permissions']) {
    if (key in manifest) problems.push(`manifest has ${key}`);
  }
  for (const key of ['permissions', 'optional_permissions']) {
    const list = manifest[key];
    if (list === undefined) continue;
    if (!Array.isArray(list)) { problems.push(`${key} is not an array`); continue; }
    for (const p of list) {
      if (typeof p !== 'string' || !ALLOWED_PERMISSIONS.has(p)) problems.push(`${key} asks for ${JSON.stringify(p)}`);
    }
  }
  problems.push(...cspProblems(manifest.content_security_policy));
  const bg = manifest.background;
  if (!isObject(bg) || typeof bg.service_worker !== 'string' || bg.type !== 'module') problems.push('background is not a module service_worker');
  return problems;
}
