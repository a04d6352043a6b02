/** The `charset` parameter of a media type. */

/**
 * The `charset` parameter of a `Content-Type` value, lower-cased and unquoted (`text/html; charset="ISO-8859-1"`
 * gives `iso-8859-1`), or undefined. Does not check that the charset exists.
 */
export function charsetOf(contentType: string | undefined): string | undefined {
  if (typeof contentType !== 'string') return undefined;
  const params = contentType.split(';');
  for (let i = 1; i < params.length; i++) {
    const p = params[i]!;
    const eq = p.indexOf('=');
    if (eq < 0 || p.slice(0, eq).trim().toLowerCase() !== 'charset') continue;
    let value = p.slice(eq + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1).trim();
    return value ? value.toLowerCase() : undefined;
  }
  return undefined;
}
