import { Module } from '@nestjs/common';
import { HealthController } from '../health/health.controller';
import { PlatformController } from './platform.controller';
import { PlatformOperatorGuard } from './platform-operator.guard';
import { PlatformService } from './platform.service';

@Module({ controllers: [PlatformController, HealthController], providers: [PlatformService, PlatformOperatorGuard] })
export class PlatformModule {}
