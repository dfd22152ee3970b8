/**
 * A fixed-window counter per key, in this process's memory: `hit(key)` is false once a key has used its
 * `limit` within the current window. Keys are capped so a flood of distinct keys cannot grow memory without
 * bound (the oldest windows are dropped first).
 */
export type RateLimiter = { hit(key: string, nowMs: number): boolean };

export function createRateLimiter(options: {
  readonly limit: number;
  readonly windowMs: number;
  readonly maxKeys?: number;
}): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  const maxKeys = options.maxKeys ?? 10_000;
  return {
    hit(key, nowMs) {
      let window = windows.get(key);
      if (!window || nowMs - window.start >= options.windowMs) {
        windows.delete(key);
        if (windows.size >= maxKeys) {
          const oldest = windows.keys().next().value;
          if (oldest !== undefined) windows.delete(oldest);
        }
        window = { start: nowMs, count: 0 };
        windows.set(key, window);
      }
      window.count++;
      return window.count <= options.limit;
    },
  };
}
