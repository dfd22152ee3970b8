/**
 * Old spellings of API paths, kept working for scripts that use them and left out of the OpenAPI document:
 * the API spells follow-up one way, `/api/follow-ups` (docs/glossary.md). A request under an alias is
 * answered exactly as the same request under the canonical path.
 */
export const apiPathAliases: Readonly<Record<string, string>> = {
  '/api/followups': '/api/follow-ups',
};

/** The URL a request is routed by: an alias prefix replaced by its canonical path, anything else as sent. */
export function canonicalApiUrl(url: string): string {
  for (const [alias, canonical] of Object.entries(apiPathAliases)) {
    const rest = url.slice(alias.length);
    if (url.startsWith(alias) && (rest === '' || rest.startsWith('/') || rest.startsWith('?'))) {
      return canonical + rest;
    }
  }
  return url;
}
