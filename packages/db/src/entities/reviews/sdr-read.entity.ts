import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** Who read a confidential report, and when (append-only). */
@Entity({ name: 'sdr_reads' })
export class SdrReadRecord {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'sdr_review_id', type: 'uuid' }) sdrReviewId: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId: string;
  @Column({ name: 'reader_kind', type: 'text' }) readerKind: 'reviewer' | 'head' | 'share';
  @Column({ name: 'read_at', type: 'timestamptz', default: () => 'now()' }) readAt: Date;
}
