import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../app-role';

/**
 * Issue 13, schools without a file: the platform operator loads the national GIAS extract into
 * the platform-wide register once, so partnerships choose their schools from it by local
 * authority without uploading anything. The operator's uploads are the platform's, not any
 * partnership's, so they live beside `school_imports` in tables of their own with the same
 * columns, and the same `schools.import` job reads them (packages/jobs/src/schools).
 * Platform tables: no tenant, no row-level security; the API lets only operators reach them.
 */
export class RegisterImports1765450000000 implements MigrationInterface {
  name = 'RegisterImports1765450000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE register_imports (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'completed', 'failed')),
      file_name text,
      byte_size bigint NOT NULL DEFAULT 0,
      encoding text CHECK (encoding IN ('utf-8', 'windows-1252')),
      bytes_read bigint NOT NULL DEFAULT 0,
      row_count integer NOT NULL DEFAULT 0,
      created integer NOT NULL DEFAULT 0,
      updated integer NOT NULL DEFAULT 0,
      unchanged integer NOT NULL DEFAULT 0,
      skipped integer NOT NULL DEFAULT 0,
      problems jsonb NOT NULL DEFAULT '[]',
      problem_count integer NOT NULL DEFAULT 0,
      error text,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      started_at timestamptz,
      finished_at timestamptz)`);
    await q.query(`CREATE INDEX register_imports_created_idx ON register_imports (created_at)`);
    await q.query(`CREATE TRIGGER register_imports_audit AFTER INSERT OR UPDATE OR DELETE ON register_imports FOR EACH ROW EXECUTE FUNCTION audit_row()`);
    // Raw bytes, kept only until read: not audited.
    await q.query(`CREATE TABLE register_import_chunks (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      import_id uuid NOT NULL REFERENCES register_imports(id),
      seq integer NOT NULL,
      data bytea NOT NULL)`);
    await q.query(`CREATE UNIQUE INDEX register_import_chunks_seq_key ON register_import_chunks (import_id, seq)`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON register_imports TO ${APP_ROLE}`);
    await q.query(`GRANT SELECT, INSERT, DELETE ON register_import_chunks TO ${APP_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS register_import_chunks`);
    await q.query(`DROP TABLE IF EXISTS register_imports`);
  }
}
