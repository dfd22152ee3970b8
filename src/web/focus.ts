/** Focus falls back to the page body when the focused element is removed, as a moved card's button is. */
export function hasLostFocus(): boolean {
  return document.activeElement === null || document.activeElement === document.body;
}

/**
 * When an action changes or removes `card` (a step done, a card moved), keeps keyboard focus near it: on the
 * card itself if it is still there, else on the card after it (or before it) in the same list, else on
 * the page heading. Waits for the change to be drawn; does nothing if focus went elsewhere meanwhile.
 */
export function keepFocusNear(card: HTMLElement | null): void {
  if (!card) return;
  const item = card.closest('li');
  const neighbours = [item?.nextElementSibling, item?.previousElementSibling].map(
    (li) => li?.querySelector<HTMLElement>(card.tagName) ?? null,
  );
  let frames = 0;
  const check = () => {
    if (hasLostFocus()) {
      const target = [card, ...neighbours].find((el) => el?.isConnected) ?? document.querySelector('main h1');
      if (target instanceof HTMLElement) target.focus();
      return;
    }
    // Until the change is drawn, focus is still on the button that made it.
    frames += 1;
    if (frames < 30 && card.isConnected && card.contains(document.activeElement)) {
      window.requestAnimationFrame(check);
    }
  };
  window.requestAnimationFrame(check);
}
