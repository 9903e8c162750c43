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
  /** GIAS OfficialSixthForm: true "Has a sixth form", false "Does not have a sixth form", null not recorded. */
  @Column({ name: 'sixth_form', type: 'boolean', nullable: true }) sixthForm: boolean | null;
  /** GIAS OpenDate. */
  @Column({ name: 'opened_on', type: 'date', nullable: true }) openedOn: string | null;
  /** GIAS Trusts (name): the academy trust or trust the school belongs to. */
  @Column({ type: 'text', nullable: true }) trust: string | null;
  /** GIAS Federations (name). */
  @Column({ type: 'text', nullable: true }) federation: string | null;
  /** GIAS ReligiousCharacter (name), e.g. "Church of England"; null for "None" or not recorded. */
  @Column({ name: 'religious_character', type: 'text', nullable: true }) religiousCharacter: string | null;
  /** GIAS Diocese (name), e.g. "Diocese of London"; null when GIAS says "Not applicable". */
  @Column({ type: 'text', nullable: true }) diocese: string | null;
  /** GIAS DistrictAdministrative (name): the local district, e.g. "Tower Hamlets". */
  @Column({ type: 'text', nullable: true }) district: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
