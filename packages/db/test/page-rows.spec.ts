import { describe, expect, it } from 'vitest';
import type { EntityManager } from 'typeorm';
import { PAGE_TOTAL, type PageWindow, UnitOfWorkRepository, withPageTotal } from '../src';

/**
 * ADR 0009: a list's page and its total are one statement; only a page past the end asks again
 * (the same query's first row) for the total. Against a stand-in EntityManager that answers from
 * an in-memory "table", so the statements sent are visible.
 */
const TABLE = Array.from({ length: 5 }, (_, i) => ({ id: `r${i + 1}` }));

function fakeManager(rows = TABLE) {
  const sent: { sql: string; params: unknown[] }[] = [];
  const em = {
    query: async (sql: string, params: unknown[]) => {
      sent.push({ sql, params });
      const [limit, offset] = params.slice(-2) as [number, number];
      return rows.slice(offset, offset + limit).map((r) => ({ page_total: rows.length, ...r }));
    },
  } as unknown as EntityManager;
  return { em, sent };
}

class Things extends UnitOfWorkRepository {
  page(window: PageWindow, sql: string | ((limitOffset: string) => string) = `SELECT ${PAGE_TOTAL}, id FROM things WHERE kind = $1 ORDER BY id`) {
    return this.pageRows<{ id: string }>(sql, ['a'], window);
  }
}

describe('pageRows', () => {
  it('reads a page and its total in one statement, LIMIT and OFFSET being the next two parameters', async () => {
    const { em, sent } = fakeManager();
    const page = await new Things(em).page({ limit: 2, offset: 2 });
    expect(page.rows).toEqual([{ id: 'r3' }, { id: 'r4' }]);
    expect(page.total).toBe(5);
    expect(page.head).toMatchObject({ id: 'r3', page_total: 5 });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.sql).toMatch(/ORDER BY id LIMIT \$2 OFFSET \$3$/);
    expect(sent[0]!.params).toEqual(['a', 2, 2]);
  });

  it('past the end, reads the total from the same query’s first row (one statement more)', async () => {
    const { em, sent } = fakeManager();
    const page = await new Things(em).page({ limit: 2, offset: 10 });
    expect(page).toMatchObject({ rows: [], total: 5, head: { id: 'r1' } });
    expect(sent.map((s) => s.params)).toEqual([
      ['a', 2, 10],
      ['a', 1, 0],
    ]);
  });

  it('an empty first page is a total of nought, without asking again', async () => {
    const { em, sent } = fakeManager([]);
    expect(await new Things(em).page({ limit: 50, offset: 0 })).toEqual({ rows: [], total: 0, head: null });
    expect(sent).toHaveLength(1);
  });

  it('places LIMIT and OFFSET where a narrow inner query wants them', async () => {
    const { em, sent } = fakeManager();
    const page = await new Things(em).page({ limit: 3, offset: 0 }, (limitOffset) => `SELECT p.page_total, t.* FROM (SELECT ${PAGE_TOTAL}, id FROM things ORDER BY id ${limitOffset}) p JOIN things t ON t.id = p.id ORDER BY t.id`);
    expect(page.total).toBe(5);
    expect(sent[0]!.sql).toContain('ORDER BY id LIMIT $2 OFFSET $3) p');
  });

  it('refuses a query without the total or without the window', async () => {
    const { em } = fakeManager();
    await expect(new Things(em).page({ limit: 1, offset: 0 }, 'SELECT id FROM things')).rejects.toThrow(/PAGE_TOTAL/);
    await expect(new Things(em).page({ limit: 1, offset: 0 }, () => `SELECT ${PAGE_TOTAL}, id FROM things LIMIT 5`)).rejects.toThrow(/LIMIT and OFFSET/);
    expect(withPageTotal('SELECT a FROM b')).toBe(`SELECT ${PAGE_TOTAL}, a FROM b`);
    expect(() => withPageTotal('WITH x AS (SELECT 1) SELECT * FROM x')).toThrow();
  });
});
