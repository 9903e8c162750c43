import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../../common/access.decorator';
import { CatalogueService } from './catalogue.service';
import { PublicOfferListDto } from './offers.dto';

@ApiTags('directory')
@Controller('v1/public/tenants/:slug')
export class PublicOffersController {
  constructor(private readonly catalogue: CatalogueService) {}

  @Public()
  @Get('offers')
  @ApiOperation({ summary: 'A listed partnership’s public catalogue: published public offers with member and non-member prices (404 when unlisted or suspended)' })
  @ApiResponse({ status: 200, type: PublicOfferListDto })
  offers(@Param('slug') slug: string) {
    return this.catalogue.publicCatalogue(slug);
  }
}
