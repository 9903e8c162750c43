import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { RegisterImportsController, SchoolImportsController, SchoolRegisterController } from './school-register.controller';
import { SchoolRegisterService } from './school-register.service';

export const RAW_UPLOAD_TYPES = ['text/csv', 'application/csv', 'multipart/form-data'];

@Module({ controllers: [SchoolRegisterController, SchoolImportsController, RegisterImportsController], providers: [SchoolRegisterService] })
export class SchoolRegisterModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  /**
   * CSV and multipart bodies reach the upload route as the raw stream, so a 60 MB file is
   * never buffered (or held to the 1 MB JSON limit); the service enforces its own 100 MB limit.
   */
  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    for (const type of RAW_UPLOAD_TYPES) {
      if (!fastify.hasContentTypeParser(type)) fastify.addContentTypeParser(type, (_request, payload, done) => done(null, payload));
    }
  }
}
