import { Module } from '@nestjs/common';
import { HealthController } from '../health/health.controller';
import { PlatformController } from './platform.controller';

@Module({ controllers: [PlatformController, HealthController] })
export class PlatformModule {}
