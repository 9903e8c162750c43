import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A school belonging to a cluster (or any body that groups schools). */
@Entity({ name: 'body_schools' })
@Index('body_schools_key', ['tenantId', 'bodyId', 'schoolId'], { unique: true })
export class BodySchool {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'body_id', type: 'uuid' }) bodyId: string;
  @Column({ name: 'school_id', type: 'uuid' }) schoolId: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
