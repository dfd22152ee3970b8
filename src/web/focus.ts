/** Focus falls back to the page body when the focused element is removed, as a moved card's button is. */
export function hasLostFocus(): boolean {
  return document.activeElement === null || document.activeElement === document.body;
}
