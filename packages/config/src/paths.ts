import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The repository root: the nearest folder above this file holding pnpm-workspace.yaml. */
export function repoRoot(start: string = __dirname): string {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

export function dataDir(env: { DATA_DIR?: string }): string {
  return env.DATA_DIR ? resolve(env.DATA_DIR) : join(repoRoot(), '.data');
}
