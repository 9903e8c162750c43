import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** An action raised at a meeting; it stays open, carried from meeting to meeting, until closed. */
@Entity({ name: 'actions' })
export class GovernanceAction {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'body_id', type: 'uuid' }) bodyId: string;
  @Column({ name: 'meeting_id', type: 'uuid' }) meetingId: string;
  @Column({ name: 'agenda_item_id', type: 'uuid', nullable: true }) agendaItemId: string | null;
  @Column({ type: 'text' }) title: string;
  @Column({ name: 'owner_user_id', type: 'uuid', nullable: true }) ownerUserId: string | null;
  @Column({ name: 'owner_school_id', type: 'uuid', nullable: true }) ownerSchoolId: string | null;
  @Column({ name: 'due_on', type: 'date', nullable: true }) dueOn: string | null;
  @Column({ type: 'text', default: 'open' }) status: 'open' | 'closed';
  @Column({ name: 'closed_at_meeting_id', type: 'uuid', nullable: true }) closedAtMeetingId: string | null;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt: Date | null;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
