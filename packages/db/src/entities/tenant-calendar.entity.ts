import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A partnership's term and half-term dates for one academic year. */
@Entity({ name: 'tenant_calendars' })
@Index('tenant_calendars_year_key', ['tenantId', 'academicYearStart'], { unique: true })
export class TenantCalendar {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'academic_year_start', type: 'date' }) academicYearStart: string;
  @Column({ name: 'half_terms', type: 'jsonb' }) halfTerms: { name: string; start: string; end: string }[];
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
