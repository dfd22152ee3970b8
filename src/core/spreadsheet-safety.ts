/**
 * Spreadsheets run a cell as a formula when it starts with `=`, `+`, `-` or `@` (and some also after a tab
 * or carriage return, or the full-width `＝＋－＠` an input method may type). On export such cells get a
 * leading apostrophe, which spreadsheets treat as "this is text" and do not show, so "+1 555 0100" and
 * "-5 years" keep their visible text while `=HYPERLINK(…)` stays inert. Cells already starting with
 * apostrophes before such a character get one more, so import can always remove exactly one and every
 * value round-trips unchanged.
 */
const formulaStart = /^'*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const neutralized = /^'+[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

export function neutralizeCell(value: string): string {
  return formulaStart.test(value) ? `'${value}` : value;
}

/** Undoes `neutralizeCell`; values that were never neutralised come back as they are. */
export function restoreNeutralizedCell(value: string): string {
  return neutralized.test(value) ? value.slice(1) : value;
}
