import { describe, expect, it } from 'vitest';
import { hasNextPage } from '../src/paging';

describe('hasNextPage (list shapes the card leaves open)', () => {
  it('follows meta.last_page of a Laravel resource collection', () => {
    const page = (current: number) => ({ data: [{}], meta: { current_page: current, last_page: 3 } });
    expect([1, 2, 3].map((p) => hasNextPage(page(p), p, 1, 50))).toEqual([true, true, false]);
  });

  it('follows top-level last_page, then next_page_url, of a plain paginator', () => {
    expect(hasNextPage({ data: [{}], last_page: 2 }, 1, 1, 50)).toBe(true);
    expect(hasNextPage({ data: [{}], next_page_url: null }, 1, 50, 50)).toBe(false);
    expect(hasNextPage({ data: [{}], next_page_url: 'https://www.pelcro.com/…?page=2' }, 1, 1, 50)).toBe(
      true,
    );
  });

  it('ends a bare array (or an unlabelled page) at a short or empty page', () => {
    expect(hasNextPage([{}, {}], 1, 2, 2)).toBe(true);
    expect(hasNextPage([{}], 2, 1, 2)).toBe(false);
    expect(hasNextPage({ data: [] }, 1, 0, 2)).toBe(false);
    expect(hasNextPage({ data: [{}, {}] }, 1, 2, 2)).toBe(true);
  });
});
