import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A version of a body's terms of reference, with its annual review date. */
@Entity({ name: 'body_documents' })
@Index('body_documents_version_key', ['tenantId', 'bodyId', 'kind', 'version'], { unique: true })
export class BodyDocument {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'body_id', type: 'uuid' }) bodyId: string;
  @Column({ type: 'text', default: 'terms_of_reference' }) kind: 'terms_of_reference';
  @Column({ type: 'integer' }) version: number;
  @Column({ type: 'text' }) text: string;
  @Column({ name: 'review_due_on', type: 'date', nullable: true }) reviewDueOn: string | null;
  @Column({ name: 'approved_on', type: 'date', nullable: true }) approvedOn: string | null;
  @Column({ name: 'review_reminded_at', type: 'timestamptz', nullable: true }) reviewRemindedAt: Date | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
