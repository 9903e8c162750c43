import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { bigintAsNumber } from './column-transformers';
import type { SchoolImportStatus } from './school-import.entity';

/** One upload of the national GIAS extract by the platform operator, into the platform-wide register. Platform-owned. */
@Entity({ name: 'register_imports' })
export class RegisterImport {
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

/** A slice of the operator's uploaded file, kept only until the import has read it. Platform-owned; not audited. */
@Entity({ name: 'register_import_chunks' })
@Index('register_import_chunks_seq_key', ['importId', 'seq'], { unique: true })
export class RegisterImportChunk {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'import_id', type: 'uuid' }) importId: string;
  @Column({ type: 'integer' }) seq: number;
  @Column({ type: 'bytea' }) data: Buffer;
}
