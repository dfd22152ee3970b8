/**
 * The host name of a Host header or list entry (`Example.org:8080` → `example.org`); null when malformed.
 * A module of its own so that the configuration can check host names without loading the request guard
 * and its address parser (every CLI command loads the configuration).
 */
export function hostNameOf(host: string): string | null {
  try {
    const url = new URL(`http://${host}`);
    if (url.username !== '' || url.password !== '' || `${url.host}` === '' || url.pathname !== '/')
      return null;
    if (url.search !== '' || url.hash !== '') return null;
    return url.hostname.replace(/\.$/, '');
  } catch {
    return null;
  }
}
