// `pnpm --filter @partnerships/db migrate`: run pending migrations on DATABASE_URL with the owner role.
import { migrate } from '../data-source';

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('Set DATABASE_URL to the PostgreSQL owner URL, e.g. postgres://postgres@127.0.0.1:5432/partnerships');
    process.exit(2);
  }
  const ran = await migrate({ url, embedded: false });
  console.log(ran.length ? `Ran ${ran.length} migration(s):\n  ${ran.join('\n  ')}` : 'No pending migrations.');
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
