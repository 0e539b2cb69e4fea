import { describe, expect, it } from 'vitest';
import { isLastPage } from '../src/paging';

const items = (n: number) => Array.from({ length: n }, (_, i) => ({ id: i + 1 }));

describe('isLastPage (page/limit listing; meta never required)', () => {
  it('a full page goes on, a short or empty page ends, with or without meta', () => {
    expect(isLastPage({ data: items(100) }, 100)).toBe(false);
    expect(isLastPage({ data: items(99) }, 100)).toBe(true);
    expect(isLastPage({ data: [] }, 100)).toBe(true);
    expect(isLastPage(items(5), 5)).toBe(false);
    expect(isLastPage(items(4), 5)).toBe(true);
    expect(isLastPage([], 5)).toBe(true);
  });

  it('does not stop on meta.last_page or a missing next link: only the page itself says it is the last', () => {
    // A meta claiming one page while the page is full does not end the listing.
    expect(isLastPage({ data: items(10), meta: { per_page: 10, last_page: 1 } } as never, 10)).toBe(false);
  });

  it('takes meta.per_page as a full page when the server says it (a server that ignored `limit` pages on)', () => {
    expect(isLastPage({ data: items(10), meta: { per_page: 10 } }, 100)).toBe(false);
    expect(isLastPage({ data: items(10), meta: { per_page: '10' } }, 100)).toBe(false);
    expect(isLastPage({ data: items(9), meta: { per_page: 10 } }, 100)).toBe(true);
  });
});
