#!/usr/bin/env node
// `pnpm bench`: build what the benchmarks import, run every bench/*.bench.mjs, results in bench/results/.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { requireNode22, root, runOrExit } from './lib.mjs';

requireNode22();
process.env.TURBO_TELEMETRY_DISABLED = '1';
runOrExit('pnpm', ['exec', 'turbo', 'run', 'build', '--filter=@partnerships/bench...', '--output-logs=errors-only']);
const result = spawnSync(process.execPath, ['--expose-gc', join(root, 'bench', 'run.mjs'), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
