import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A paper attached to an agenda item (text or a link). */
@Entity({ name: 'meeting_papers' })
export class MeetingPaper {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'meeting_id', type: 'uuid' }) meetingId: string;
  @Column({ name: 'agenda_item_id', type: 'uuid' }) agendaItemId: string;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text', nullable: true }) content: string | null;
  @Column({ type: 'text', nullable: true }) url: string | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
