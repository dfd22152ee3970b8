/**
 * A count with its noun: "1 business day", "3 business days", "1.5 days". Every noun hearback counts takes a
 * plain -s. `shown` is how the count is written when that is not simply the number (a rounded figure).
 */
export function plural(n: number, noun: string, shown: string = String(n)): string {
  return `${shown} ${n === 1 ? noun : `${noun}s`}`;
}
