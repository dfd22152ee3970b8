/** Time and identity come in from outside so tests, `--as-of` and imports can fix them. */
export type Clock = { now(): Date };

export type IdGenerator = { next(): string };

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(instant: string | Date): Clock & { set(next: string | Date): void } {
  let current = new Date(instant);
  return {
    now: () => new Date(current.getTime()),
    set(next) {
      current = new Date(next);
    },
  };
}
