import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export type PupilCountSource = 'school' | 'partnership';
export type PupilCountStatus = 'pending' | 'needs-confirmation' | 'approved' | 'rejected';

/**
 * A partnership's figure for a school's pupils at one census (`2026-10`), entered by the
 * partnership or submitted by the school for approval. Tenant-owned; the school's own people
 * may read every partnership's figures for it.
 */
@Entity({ name: 'school_pupil_counts' })
export class SchoolPupilCount {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'school_id', type: 'uuid' }) schoolId: string;
  @Column({ type: 'text' }) census: string;
  @Column({ type: 'integer' }) pupils: number;
  @Column({ type: 'text' }) source: PupilCountSource;
  @Column({ type: 'text' }) status: PupilCountStatus;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ name: 'submitted_by', type: 'uuid', nullable: true }) submittedBy: string | null;
  @Column({ name: 'submitted_at', type: 'timestamptz', default: () => 'now()' }) submittedAt: Date;
  @Column({ name: 'decided_by', type: 'uuid', nullable: true }) decidedBy: string | null;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt: Date | null;
  @Column({ name: 'decision_note', type: 'text', nullable: true }) decisionNote: string | null;
  /** Why a figure waits for the admin's confirmation (far from the register's or last year's). */
  @Column({ name: 'check_note', type: 'text', nullable: true }) checkNote: string | null;
}
