import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { bigintAsNumber } from './column-transformers';

export type SchoolImportStatus = 'queued' | 'running' | 'completed' | 'failed';

/**
 * The columns of a GIAS upload and its import's progress, counts and problems: a partnership's
 * (SchoolImport) and the platform operator's (RegisterImport). Not a table of its own.
 */
export abstract class GiasImportColumns {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text', default: 'queued' }) status: SchoolImportStatus;
  @Column({ name: 'file_name', type: 'text', nullable: true }) fileName: string | null;
  @Column({ name: 'byte_size', type: 'bigint', default: 0, transformer: bigintAsNumber }) byteSize: number;
  @Column({ type: 'text', nullable: true }) encoding: 'utf-8' | 'windows-1252' | null;
  @Column({ name: 'bytes_read', type: 'bigint', default: 0, transformer: bigintAsNumber }) bytesRead: number;
  @Column({ name: 'row_count', type: 'integer', default: 0 }) rowCount: number;
  @Column({ type: 'integer', default: 0 }) created: number;
  @Column({ type: 'integer', default: 0 }) updated: number;
  @Column({ type: 'integer', default: 0 }) unchanged: number;
  @Column({ type: 'integer', default: 0 }) skipped: number;
  @Column({ type: 'jsonb', default: () => "'[]'" }) problems: unknown[];
  @Column({ name: 'problem_count', type: 'integer', default: 0 }) problemCount: number;
  @Column({ type: 'text', nullable: true }) error: string | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'started_at', type: 'timestamptz', nullable: true }) startedAt: Date | null;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt: Date | null;
}

/** One upload of the GIAS register file by a partnership: its progress, counts and problems. Tenant-owned. */
@Entity({ name: 'school_imports' })
export class SchoolImport extends GiasImportColumns {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
}
