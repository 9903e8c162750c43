import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** The annual report on the quality of education, as an editable markdown document. */
@Entity({ name: 'annual_reports' })
@Index('annual_reports_year_key', ['tenantId', 'academicYearStart'], { unique: true })
export class AnnualReportRecord {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'academic_year_start', type: 'integer' }) academicYearStart: number;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text' }) document: string;
  @Column({ type: 'text', default: 'draft' }) status: string;
  @Column({ name: 'generated_at', type: 'timestamptz', default: () => 'now()' }) generatedAt: Date;
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
