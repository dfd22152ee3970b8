/**
 * Serialised answers to list requests, keyed by user, data version, minute and URL. A write anywhere in the
 * user's data replaces the version (services/deps.ts), so an entry is never served after the data it was
 * made from changed, on this process or any other sharing the database; the minute keeps answers that
 * depend on "now" (due today, this week) from outliving it. Least recently used entries go first.
 */
export type ResponseCache = {
  get(key: string): string | undefined;
  set(key: string, body: string): void;
};

export function createResponseCache(limits: { maxEntries: number; maxBytes: number }): ResponseCache {
  const entries = new Map<string, string>();
  let bytes = 0;
  return {
    get(key) {
      const body = entries.get(key);
      if (body === undefined) return undefined;
      entries.delete(key);
      entries.set(key, body);
      return body;
    },
    set(key, body) {
      if (body.length > limits.maxBytes / 4) return;
      const previous = entries.get(key);
      if (previous !== undefined) {
        entries.delete(key);
        bytes -= previous.length;
      }
      entries.set(key, body);
      bytes += body.length;
      for (const [oldest, value] of entries) {
        if (entries.size <= limits.maxEntries && bytes <= limits.maxBytes) break;
        entries.delete(oldest);
        bytes -= value.length;
      }
    },
  };
}
