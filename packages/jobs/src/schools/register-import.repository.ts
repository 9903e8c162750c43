import type { EntityManager } from '@partnerships/db';
import { ImportRepository } from './school-import.repository';

/**
 * The platform operator's uploads of the national GIAS extract (`register_imports`) and their
 * stored bytes (`register_import_chunks`): the same shape and the same job as a partnership's own
 * imports (SchoolImportRepository), without a tenant.
 */
export class RegisterImportRepository extends ImportRepository {
  constructor(em: EntityManager) {
    super(em, { imports: 'register_imports', chunks: 'register_import_chunks' }, null);
  }
}
