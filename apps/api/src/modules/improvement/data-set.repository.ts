import { type EntityManager, UnitOfWorkRepository } from '@partnerships/db';
import type { Indicator, IndicatorUnit } from '@partnerships/domain';

export interface DataSetRow {
  id: string;
  name: string;
  description: string | null;
  indicators: Indicator[];
}

interface IndicatorRow {
  dataSetId: string;
  code: string;
  name: string;
  definition: string;
  unit: IndicatorUnit;
  higherIsBetter: boolean;
  decimals: number;
  min: number;
  max: number;
  area: string;
}

/** Data sets and their indicators (one aggregate). */
export class DataSetRepository extends UnitOfWorkRepository {
  constructor(em: EntityManager, private readonly tenantId: string) {
    super(em);
  }

  async create(name: string, description: string | null, indicators: readonly Indicator[], userId: string): Promise<string> {
    const [{ id }] = await this.rows<{ id: string }>(`INSERT INTO data_sets (tenant_id, name, description, created_by) VALUES ($1, $2, $3, $4) RETURNING id`, [this.tenantId, name, description, userId]);
    await this.execute(
      `INSERT INTO data_set_indicators (tenant_id, data_set_id, position, code, name, definition, unit, higher_is_better, decimals, min_value, max_value, area)
       SELECT $1, $2, t.ord - 1, t.code, t.name, t.definition, t.unit, t.hib, t.decimals, t.min, t.max, t.area
       FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::boolean[], $8::int[], $9::numeric[], $10::numeric[], $11::text[]) WITH ORDINALITY
         AS t(code, name, definition, unit, hib, decimals, min, max, area, ord)`,
      [this.tenantId, id, indicators.map((i) => i.code), indicators.map((i) => i.name), indicators.map((i) => i.definition), indicators.map((i) => i.unit),
        indicators.map((i) => i.higherIsBetter), indicators.map((i) => i.decimals), indicators.map((i) => i.min), indicators.map((i) => i.max), indicators.map((i) => i.area)],
    );
    return id;
  }

  async list(): Promise<DataSetRow[]> {
    const sets = await this.rows<{ id: string; name: string; description: string | null }>(`SELECT id, name, description FROM data_sets WHERE tenant_id = $1 ORDER BY created_at, name`, [this.tenantId]);
    return this.withIndicators(sets);
  }

  async findById(id: string): Promise<DataSetRow | null> {
    const sets = await this.rows<{ id: string; name: string; description: string | null }>(`SELECT id, name, description FROM data_sets WHERE tenant_id = $1 AND id = $2`, [this.tenantId, id]);
    return (await this.withIndicators(sets))[0] ?? null;
  }

  private async withIndicators(sets: { id: string; name: string; description: string | null }[]): Promise<DataSetRow[]> {
    if (!sets.length) return [];
    const rows = await this.rows<IndicatorRow>(
      `SELECT data_set_id AS "dataSetId", code, name, definition, unit, higher_is_better AS "higherIsBetter", decimals, min_value::float8 AS min, max_value::float8 AS max, area
       FROM data_set_indicators WHERE tenant_id = $1 AND data_set_id = ANY($2::uuid[]) ORDER BY data_set_id, position`,
      [this.tenantId, sets.map((s) => s.id)],
    );
    return sets.map((s) => ({ ...s, indicators: rows.filter((r) => r.dataSetId === s.id).map(({ dataSetId: _, ...i }) => i) }));
  }
}
