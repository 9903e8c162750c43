import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Access, Ctx, Public, SignedIn } from '../../common/access.decorator';
import type { AuthedContext, TenantContext } from '../../common/request-context';
import { CreatedTenantDto, CreateTenantDto, SetupDto, SlugAvailabilityDto, SlugAvailabilityQueryDto, TemplateListDto } from './onboarding.dto';
import { OnboardingService } from './onboarding.service';

@ApiTags('onboarding')
@Controller('v1')
export class OnboardingController {
  constructor(private readonly onboarding: OnboardingService) {}

  @SignedIn()
  @Post('tenants')
  @HttpCode(201)
  @ApiOperation({ summary: 'Create a partnership from a template (verified users); you become its admin. Taken slug: 409; reserved or badly formed: 400' })
  @ApiResponse({ status: 201, type: CreatedTenantDto })
  create(@Ctx() ctx: AuthedContext, @Body() dto: CreateTenantDto): Promise<CreatedTenantDto> {
    return this.onboarding.create(ctx, dto);
  }

  @Public()
  @Get('public/slug-availability')
  @ApiOperation({ summary: 'Whether a web address can be taken, and why not (as you type)' })
  @ApiResponse({ status: 200, type: SlugAvailabilityDto })
  slugAvailability(@Query() query: SlugAvailabilityQueryDto): Promise<SlugAvailabilityDto> {
    return this.onboarding.slugAvailability(query.slug);
  }

  @Public()
  @Get('public/templates')
  @ApiOperation({ summary: 'The templates a new partnership can start from' })
  @ApiResponse({ status: 200, type: TemplateListDto })
  templates(): TemplateListDto {
    return this.onboarding.templates();
  }

  @Get('tenants/:slug/setup')
  @Access('read', 'Tenant')
  @ApiOperation({ summary: 'Setup wizard progress: each step, whether it is done, what is missing, and where to resume' })
  @ApiResponse({ status: 200, type: SetupDto })
  setup(@Ctx() ctx: TenantContext): Promise<SetupDto> {
    return this.onboarding.setup(ctx);
  }

  @Post('tenants/:slug/setup/:step/complete')
  @HttpCode(200)
  @Access('update', 'Tenant')
  @ApiOperation({ summary: 'Mark a setup step done (details, calendar, categories, colleagues, plan); 400 explains what is missing' })
  @ApiResponse({ status: 200, type: SetupDto })
  complete(@Ctx() ctx: TenantContext, @Param('step') step: string): Promise<SetupDto> {
    return this.onboarding.completeStep(ctx, step);
  }
}
