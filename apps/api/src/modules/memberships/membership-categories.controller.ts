import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Access, Ctx } from '../../common/access.decorator';
import type { TenantContext } from '../../common/request-context';
import { CategoryDto, CategoryListDto, CategoryListQueryDto, CreateCategoryDto, FromTemplateDto, UpdateCategoryDto } from './membership-categories.dto';
import { MembershipCategoriesService } from './membership-categories.service';

@ApiTags('membership categories')
@Controller('v1/tenants/:slug/membership-categories')
export class MembershipCategoriesController {
  constructor(private readonly categories: MembershipCategoriesService) {}

  @Get()
  @Access('read', 'Membership')
  @ApiOperation({ summary: 'Membership categories (archived ones only with includeArchived=true)' })
  @ApiResponse({ status: 200, type: CategoryListDto })
  list(@Ctx() ctx: TenantContext, @Query() query: CategoryListQueryDto) {
    return this.categories.list(ctx, query);
  }

  @Post()
  @Access('update', 'Membership')
  @ApiOperation({ summary: 'Add a category: who is eligible, voting rights, whether fees apply, what is included' })
  @ApiResponse({ status: 201, type: CategoryDto })
  create(@Ctx() ctx: TenantContext, @Body() dto: CreateCategoryDto) {
    return this.categories.create(ctx, dto);
  }

  @Post('from-template')
  @Access('update', 'Membership')
  @ApiOperation({ summary: 'Add a category from a template: full, associate or procurement-associate' })
  @ApiResponse({ status: 201, type: CategoryDto })
  fromTemplate(@Ctx() ctx: TenantContext, @Body() dto: FromTemplateDto) {
    return this.categories.fromTemplate(ctx, dto);
  }

  @Put(':id')
  @Access('update', 'Membership')
  @ApiOperation({ summary: 'Change a category (its code stays)' })
  @ApiResponse({ status: 200, type: CategoryDto })
  update(@Ctx() ctx: TenantContext, @Param('id') id: string, @Body() dto: UpdateCategoryDto) {
    return this.categories.update(ctx, id, dto);
  }

  @Post(':id/archive')
  @HttpCode(200)
  @Access('update', 'Membership')
  @ApiOperation({ summary: 'Archive a category (no delete: schools holding it keep it)' })
  @ApiResponse({ status: 200, type: CategoryDto })
  archive(@Ctx() ctx: TenantContext, @Param('id') id: string) {
    return this.categories.setArchived(ctx, id, true);
  }

  @Post(':id/restore')
  @HttpCode(200)
  @Access('update', 'Membership')
  @ApiOperation({ summary: 'Offer an archived category again' })
  @ApiResponse({ status: 200, type: CategoryDto })
  restore(@Ctx() ctx: TenantContext, @Param('id') id: string) {
    return this.categories.setArchived(ctx, id, false);
  }
}
