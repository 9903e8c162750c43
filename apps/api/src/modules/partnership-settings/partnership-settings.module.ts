import { Module } from '@nestjs/common';
import { PartnershipSettingsController } from './partnership-settings.controller';
import { PartnershipSettingsService } from './partnership-settings.service';

@Module({ controllers: [PartnershipSettingsController], providers: [PartnershipSettingsService] })
export class PartnershipSettingsModule {}
