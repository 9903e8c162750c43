import { PlatformFoundation1764000000000 } from './1764000000000-platform-foundation';

/** Every migration in order. New migrations are appended here (see docs/database-migrations.md). */
export const MIGRATIONS = [PlatformFoundation1764000000000];
