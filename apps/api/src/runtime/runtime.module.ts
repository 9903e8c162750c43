import { type DynamicModule, Global, Module } from '@nestjs/common';
import type { Runtime } from '@partnerships/jobs';

export const ENV = Symbol('ENV');
export const JOB_QUEUE = Symbol('JOB_QUEUE');
export const RUNTIME = Symbol('RUNTIME');

/** Hands the runtime's parts to Nest's DI; the DataSource and `Database` come from DatabaseModule (TypeORM). */
@Global()
@Module({})
export class RuntimeModule {
  static forRuntime(runtime: Runtime): DynamicModule {
    return {
      module: RuntimeModule,
      providers: [
        { provide: RUNTIME, useValue: runtime },
        { provide: ENV, useValue: runtime.env },
        { provide: JOB_QUEUE, useValue: runtime.queue },
      ],
      exports: [RUNTIME, ENV, JOB_QUEUE],
    };
  }
}
