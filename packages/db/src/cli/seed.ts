// `pnpm --filter @partnerships/db seed`: migrate DATABASE_URL, then seed the demo partnerships (refused when NODE_ENV=production).
import { createDataSource, migrate } from '../data-source';
import { seedDemo } from '../seed/seed-demo';

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('Set DATABASE_URL to the PostgreSQL owner URL, e.g. postgres://postgres@127.0.0.1:5432/partnerships');
    process.exit(2);
  }
  await migrate({ url, embedded: false });
  const owner = createDataSource({ url, embedded: false });
  await owner.initialize();
  try {
    await seedDemo(owner);
    console.log('Demo data in place.');
  } finally {
    await owner.destroy();
  }
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
