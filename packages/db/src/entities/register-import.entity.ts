import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { GiasImportColumns } from './school-import.entity';

/** One upload of the national GIAS extract by the platform operator, into the platform-wide register. Platform-owned. */
@Entity({ name: 'register_imports' })
export class RegisterImport extends GiasImportColumns {}

/** A slice of the operator's uploaded file, kept only until the import has read it. Platform-owned; not audited. */
@Entity({ name: 'register_import_chunks' })
@Index('register_import_chunks_seq_key', ['importId', 'seq'], { unique: true })
export class RegisterImportChunk {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'import_id', type: 'uuid' }) importId: string;
  @Column({ type: 'integer' }) seq: number;
  @Column({ type: 'bytea' }) data: Buffer;
}
