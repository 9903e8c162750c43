import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Access, Ctx, SignedIn } from '../../common/access.decorator';
import { PageQueryDto } from '../../common/pagination.dto';
import type { AuthedContext, TenantContext } from '../../common/request-context';
import {
  AddProspectsDto,
  AddProspectsResultDto,
  ImportCreatedDto,
  LocalAuthorityListDto,
  RegisterPageDto,
  SchoolImportDto,
  SchoolImportPageDto,
  SchoolSearchQueryDto,
} from './school-register.dto';
import { PlatformOperator } from '../platform/platform-operator.guard';
import { SchoolRegisterService } from './school-register.service';

@ApiTags('school register')
@Controller('v1/schools')
export class SchoolRegisterController {
  constructor(private readonly register: SchoolRegisterService) {}

  @SignedIn()
  @Get()
  @ApiOperation({ summary: 'Find schools in the platform-wide register by URN, name/postcode (q) or local authority' })
  @ApiResponse({ status: 200, type: RegisterPageDto })
  search(@Ctx() ctx: AuthedContext, @Query() query: SchoolSearchQueryDto) {
    return this.register.search(ctx, query);
  }

  @SignedIn()
  @Get('local-authorities')
  @ApiOperation({ summary: 'Local authorities in the register, with their number of open schools (for choosing prospects)' })
  @ApiResponse({ status: 200, type: LocalAuthorityListDto })
  localAuthorities(@Ctx() ctx: AuthedContext) {
    return this.register.localAuthorities(ctx);
  }
}

@ApiTags('school register')
@Controller('v1/tenants/:slug')
export class SchoolImportsController {
  constructor(private readonly register: SchoolRegisterService) {}

  @Post('school-imports')
  @HttpCode(202)
  @Access('create', 'Membership')
  @ApiOperation({
    summary: 'Upload a GIAS establishment export (multipart field "file", or a text/csv body, up to 100 MB); the import runs as a job',
  })
  @ApiConsumes('multipart/form-data', 'text/csv')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] } })
  @ApiResponse({ status: 202, type: ImportCreatedDto })
  upload(@Ctx() ctx: TenantContext, @Req() request: FastifyRequest): Promise<ImportCreatedDto> {
    return this.register.upload(ctx, request.body as AsyncIterable<Buffer> | undefined, request.headers['content-type']);
  }

  @Get('school-imports')
  @Access('read', 'Membership')
  @ApiOperation({ summary: 'Imports so far, newest first (problems are on each import’s own page)' })
  @ApiResponse({ status: 200, type: SchoolImportPageDto })
  listImports(@Ctx() ctx: TenantContext, @Query() query: PageQueryDto) {
    return this.register.listImports(ctx, query);
  }

  @Get('school-imports/:id')
  @Access('read', 'Membership')
  @ApiOperation({ summary: 'An import’s status, counts, progress and per-row problems (poll while queued or running)' })
  @ApiResponse({ status: 200, type: SchoolImportDto })
  getImport(@Ctx() ctx: TenantContext, @Param('id') id: string) {
    return this.register.getImport(ctx, id);
  }

  @Post('prospects')
  @HttpCode(200)
  @Access('create', 'Membership')
  @ApiOperation({ summary: 'Put register schools on the partnership’s list as prospects, by local authority, phase, status or URN (idempotent)' })
  @ApiResponse({ status: 200, type: AddProspectsResultDto })
  addProspects(@Ctx() ctx: TenantContext, @Body() dto: AddProspectsDto) {
    return this.register.addProspects(ctx, dto);
  }
}

@ApiTags('school register')
@Controller('v1/platform/register-imports')
export class RegisterImportsController {
  constructor(private readonly register: SchoolRegisterService) {}

  @Post()
  @HttpCode(202)
  @Access('manage', 'Platform')
  @ApiOperation({
    summary:
      'Platform operators: load the national GIAS extract into the platform-wide register (multipart field "file", or a text/csv body, up to 100 MB); the import runs as a job, as a partnership’s does',
  })
  @ApiConsumes('multipart/form-data', 'text/csv')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] } })
  @ApiResponse({ status: 202, type: ImportCreatedDto })
  upload(@Ctx() ctx: AuthedContext, @Req() request: FastifyRequest): Promise<ImportCreatedDto> {
    return this.register.uploadRegister(ctx, request.body as AsyncIterable<Buffer> | undefined, request.headers['content-type']);
  }

  @Get()
  @Access('manage', 'Platform')
  @ApiOperation({ summary: 'Platform operators: loads of the register so far, newest first' })
  @ApiResponse({ status: 200, type: SchoolImportPageDto })
  list(@Ctx() ctx: AuthedContext, @Query() query: PageQueryDto) {
    return this.register.listRegisterImports(ctx, query);
  }

  @Get(':id')
  @PlatformOperator()
  @ApiOperation({ summary: 'Platform operators: a load of the register, with its progress, counts and problems' })
  @ApiResponse({ status: 200, type: SchoolImportDto })
  get(@Ctx() ctx: AuthedContext, @Param('id') id: string) {
    return this.register.getRegisterImport(ctx, id);
  }
}
