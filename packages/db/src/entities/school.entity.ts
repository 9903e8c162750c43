import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Phase } from '@partnerships/domain';

/** The platform-wide school register, keyed by the DfE URN. A school may belong to several partnerships. */
@Entity({ name: 'schools' })
export class School {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text', unique: true }) urn: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text' }) phase: Phase;
  @Column({ type: 'text' }) type: string;
  @Column({ name: 'local_authority', type: 'text' }) localAuthority: string;
  @Column({ type: 'integer', nullable: true }) pupils: number | null;
  @Column({ type: 'text', default: 'open' }) status: string;
  @Column({ type: 'text', nullable: true }) postcode: string | null;
  @Column({ name: 'statutory_low_age', type: 'integer', nullable: true }) statutoryLowAge: number | null;
  @Column({ name: 'statutory_high_age', type: 'integer', nullable: true }) statutoryHighAge: number | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
