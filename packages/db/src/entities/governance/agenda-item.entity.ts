import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export type AgendaItemKind = 'standing' | 'core' | 'local' | 'report' | 'minutes_approval';

/** An item on a meeting's agenda; `source_ref` marks items built from rules so a rebuild adds only what is missing. */
@Entity({ name: 'agenda_items' })
@Index('agenda_items_source_key', ['tenantId', 'meetingId', 'sourceRef'], { unique: true, where: 'source_ref IS NOT NULL' })
export class AgendaItem {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'meeting_id', type: 'uuid' }) meetingId: string;
  @Column({ type: 'integer', default: 0 }) position: number;
  @Column({ type: 'text' }) kind: AgendaItemKind;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text', nullable: true }) description: string | null;
  @Column({ type: 'boolean', default: false }) confidential: boolean;
  @Column({ name: 'source_ref', type: 'text', nullable: true }) sourceRef: string | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
