import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * Embedded mode's database: PGlite (PostgreSQL compiled to WASM) with its files under
 * dataDir, served on a local Postgres-protocol socket so that TypeORM and pg talk to it
 * exactly as to a server. PGlite has one backend: the pool holds one connection; the socket accepts a few
 * so that a closing DataSource and the next one can overlap (see docs/adr/0002-embedded-mode.md).
 */
export async function startEmbeddedPostgres(options: { dataDir: string; port: number; host?: string }): Promise<EmbeddedPostgres> {
  mkdirSync(options.dataDir, { recursive: true });
  const db = await PGlite.create({ dataDir: options.dataDir });
  const host = options.host ?? '127.0.0.1';
  const server = new PGLiteSocketServer({ db, port: options.port, host, maxConnections: 4 });
  await server.start();
  return {
    url: `postgres://postgres:postgres@${host}:${options.port}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
