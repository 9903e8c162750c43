import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A reporting line: the child body reports to the parent body (a body may have several parents). */
@Entity({ name: 'body_links' })
@Index('body_links_key', ['tenantId', 'childBodyId', 'parentBodyId'], { unique: true })
export class BodyLink {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'child_body_id', type: 'uuid' }) childBodyId: string;
  @Column({ name: 'parent_body_id', type: 'uuid' }) parentBodyId: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
