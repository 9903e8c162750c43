// Runs every *.bench.mjs in this folder, each in its own Node process so that
// one benchmark's heap and JIT warm-up cannot colour another's figures.
// Usage: node bench/run.mjs [name-filter]
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2] ?? '';
const benches = readdirSync(here)
  .filter((file) => file.endsWith('.bench.mjs') && file.includes(filter))
  .sort();

if (benches.length === 0) {
  console.error(`No benchmarks matching "${filter}" in ${here}`);
  process.exit(1);
}

let failed = 0;
for (const file of benches) {
  console.log(`\n▶ ${file}`);
  // --expose-gc lets a benchmark start from a collected heap, so its memory figure is its own.
  const result = spawnSync(process.execPath, ['--expose-gc', join(here, file)], { stdio: 'inherit' });
  if (result.status !== 0) {
    failed += 1;
    console.error(`✗ ${file} exited with ${result.status ?? result.signal}`);
  }
}
console.log(`\n${benches.length - failed} of ${benches.length} benchmarks ran; results are in bench/results/.`);
process.exit(failed === 0 ? 0 : 1);
