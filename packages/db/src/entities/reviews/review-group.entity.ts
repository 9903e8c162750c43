import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { ReviewGroupFormedBy } from './review-types';

/** A review group of a programme, formed from a cluster or by a shared fact or by hand. */
@Entity({ name: 'review_groups' })
export class ReviewGroupRecord {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'programme_id', type: 'uuid' }) programmeId: string;
  @Column({ type: 'text' }) name: string;
  @Column({ name: 'formed_by', type: 'text' }) formedBy: ReviewGroupFormedBy;
  @Column({ name: 'body_id', type: 'uuid', nullable: true }) bodyId: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
