import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { Office, OfficeFilledBy } from '@partnerships/domain';

/** A chair, vice-chair or secretary of a body, and how the office was filled. */
@Entity({ name: 'body_offices' })
@Index('body_offices_current_key', ['tenantId', 'bodyId', 'office'], { unique: true, where: 'to_on IS NULL' })
export class BodyOffice {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'body_id', type: 'uuid' }) bodyId: string;
  @Column({ type: 'text' }) office: Office;
  @Column({ name: 'user_id', type: 'uuid' }) userId: string;
  @Column({ name: 'from_on', type: 'date' }) fromOn: string;
  @Column({ name: 'to_on', type: 'date', nullable: true }) toOn: string | null;
  @Column({ name: 'filled_by', type: 'text' }) filledBy: OfficeFilledBy;
  @Column({ name: 'election_ref', type: 'text', nullable: true }) electionRef: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
