import { describe, expect, it } from 'vitest';
import { showMoreLabel, sliceShown } from './show-more.js';

const items = Array.from({ length: 45 }, (_, i) => i);

describe('sliceShown', () => {
  it('shows the first twenty of a long list and counts the rest', () => {
    const slice = sliceShown(items, 20);
    expect(slice.shown).toEqual(items.slice(0, 20));
    expect(slice.hidden).toBe(25);
    expect(slice.nextBatch).toBe(20);
    expect(showMoreLabel(slice)).toBe('Show 20 more (25 not shown)');
  });

  it('offers only the rest when fewer than a step remain', () => {
    const slice = sliceShown(items, 40);
    expect(slice.shown).toHaveLength(40);
    expect(slice.nextBatch).toBe(5);
    expect(showMoreLabel(slice)).toBe('Show 5 more');
  });

  it('hides nothing in a short list', () => {
    const slice = sliceShown(items.slice(0, 7), 20);
    expect(slice.shown).toHaveLength(7);
    expect(slice.hidden).toBe(0);
    expect(slice.nextBatch).toBe(0);
  });

  it('counts the items not loaded yet as hidden when the list holds only its first ones', () => {
    const slice = sliceShown(items.slice(0, 20), 20, 20, 45);
    expect(slice.shown).toHaveLength(20);
    expect(slice.hidden).toBe(25);
    expect(showMoreLabel(slice)).toBe('Show 20 more (25 not shown)');
    // A press asks for more than is loaded: what is loaded shows, the rest still counts as hidden.
    expect(sliceShown(items.slice(0, 20), 40, 20, 45).hidden).toBe(25);
    expect(sliceShown(items, 40, 20, 45)).toMatchObject({ hidden: 5, nextBatch: 5 });
  });

  it('hides nothing once the limit reaches the end, and shows nothing for a negative limit', () => {
    expect(sliceShown(items, 60).hidden).toBe(0);
    expect(sliceShown(items, -1).shown).toEqual([]);
  });
});
