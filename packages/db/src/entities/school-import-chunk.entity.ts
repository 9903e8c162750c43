import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A slice of an uploaded GIAS file's raw bytes, kept only until the import has read it. Tenant-owned; not audited. */
@Entity({ name: 'school_import_chunks' })
@Index('school_import_chunks_seq_key', ['tenantId', 'importId', 'seq'], { unique: true })
export class SchoolImportChunk {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'import_id', type: 'uuid' }) importId: string;
  @Column({ type: 'integer' }) seq: number;
  @Column({ type: 'bytea' }) data: Buffer;
}
