// Preloaded into the API process by bench/api-ratio.bench.mjs (`node --require`): counts every
// statement the process's pg clients send, and keeps the last few with their parameters. On
// SIGWINCH (not SIGUSR2: Nest's enableShutdownHooks closes the app on it) it writes {count, last} to $BENCH_PG_COUNTER_FILE and starts counting again from zero.
// Not a benchmark itself (run.mjs only runs *.bench.mjs).
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');
const pg = require(require.resolve('pg', { paths: [join(__dirname, '..', 'packages', 'db')] }));

const file = process.env.BENCH_PG_COUNTER_FILE;
let count = 0;
let last = [];
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (config, values, callback) {
  count += 1;
  const text = typeof config === 'string' ? config : config?.text;
  last.push({ text, values: Array.isArray(values) ? values : (config?.values ?? []) });
  if (last.length > 40) last = last.slice(-20);
  return query.apply(this, arguments);
};
process.on('SIGWINCH', () => {
  if (file) writeFileSync(file, JSON.stringify({ count, last }));
  count = 0;
  last = [];
});
