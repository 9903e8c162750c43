import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../../common/access.decorator';
import { DirectoryPageDto, DirectoryQueryDto, PublicTenantDto } from './directory.dto';
import { DirectoryService } from './directory.service';

@ApiTags('public')
@Controller('v1/public/tenants')
export class DirectoryController {
  constructor(private readonly directory: DirectoryService) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'The directory: partnerships that chose to be listed (and are not suspended)' })
  @ApiResponse({ status: 200, type: DirectoryPageDto })
  list(@Query() query: DirectoryQueryDto): Promise<DirectoryPageDto> {
    return this.directory.directory(query);
  }

  @Public()
  @Get(':slug')
  @ApiOperation({ summary: "A partnership's public page (404 when unlisted or suspended)" })
  @ApiResponse({ status: 200, type: PublicTenantDto })
  page(@Param('slug') slug: string): Promise<PublicTenantDto> {
    return this.directory.publicPage(slug);
  }

  @Public()
  @Get(':slug/logo')
  @ApiOperation({ summary: "A listed partnership's logo as an image" })
  @ApiProduces('image/png', 'image/jpeg', 'image/svg+xml')
  @ApiResponse({ status: 200, description: 'The image' })
  async logo(@Param('slug') slug: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const { type, bytes } = await this.directory.logo(slug);
    // An SVG opened on its own must not be able to run anything.
    reply.header('content-type', type).header('cache-control', 'public, max-age=300').header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox");
    return bytes;
  }
}
