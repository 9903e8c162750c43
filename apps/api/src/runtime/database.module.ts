import { type DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Database } from '@partnerships/db';
import type { Runtime } from '@partnerships/jobs';
import { DataSource } from 'typeorm';

/**
 * The runtime's DataSource as Nest's TypeORM module holds it: the very same object and pool (so
 * embedded mode keeps its single PGlite connection), except that closing it is left to its
 * owner. The runtime closes the pool in `runtime.close()`, after the job queue has drained;
 * `@nestjs/typeorm` would otherwise destroy it in `app.close()`, under jobs still running in
 * this process and before `runtime.close()`, which would then fail.
 */
export function lentToNest(dataSource: DataSource): DataSource {
  return new Proxy(dataSource, {
    get(target, property, receiver) {
      if (property === 'destroy') return async () => undefined;
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}

/**
 * Data access for the API (ADR 0005). `TypeOrmModule.forRootAsync` provides the DataSource (and
 * its EntityManager) through `dataSourceFactory`, which hands over the runtime's DataSource
 * instead of opening a second pool; `Database`, the only way services reach the database (a
 * unit of work per call, with row-level security), is built from that DataSource. The job
 * handlers use `runtime.db`, a `Database` on the same pool.
 */
@Global()
@Module({})
export class DatabaseModule {
  static forRuntime(runtime: Runtime): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          // The options describe the runtime's DataSource (url, entities, pool size); it is already initialised.
          useFactory: () => ({ ...runtime.dataSource.options, manualInitialization: true, retryAttempts: 0 }),
          dataSourceFactory: async () => lentToNest(runtime.dataSource),
        }),
      ],
      providers: [{ provide: Database, useFactory: (dataSource: DataSource) => new Database(dataSource), inject: [DataSource] }],
      exports: [Database, TypeOrmModule],
    };
  }
}
