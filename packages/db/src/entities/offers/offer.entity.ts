import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { OfferKindValue, OfferStatusValue, OfferUnitValue } from './offer-types';

/** One thing a partnership offers: a core entitlement, traded service, bespoke package, pool, digital product or event. */
@Entity({ name: 'offers' })
export class OfferRecord {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ type: 'text' }) kind: OfferKindValue;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text', nullable: true }) summary: string | null;
  @Column({ type: 'text', nullable: true }) description: string | null;
  @Column({ type: 'text', default: 'per_school' }) unit: OfferUnitValue;
  @Column({ name: 'year_basis', type: 'text', default: 'academic' }) yearBasis: 'academic' | 'financial';
  /** For a core entitlement: the membership categories it is included in. */
  @Column({ type: 'text', array: true, default: () => "'{}'" }) categories: string[];
  /** Units included each year (e.g. 3 adviser days), where the entitlement has a limit. */
  @Column({ type: 'integer', nullable: true }) allowance: number | null;
  /** For a pool: places available each day. */
  @Column({ name: 'pool_capacity', type: 'integer', nullable: true }) poolCapacity: number | null;
  /** Renews each year (bought back) unless cancelled by the window's deadline. */
  @Column({ type: 'boolean', default: false }) rolling: boolean;
  @Column({ type: 'text', default: 'draft' }) status: OfferStatusValue;
  @Column({ type: 'boolean', default: false }) public: boolean;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
}
