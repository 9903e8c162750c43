import { Module } from '@nestjs/common';
import { SchoolPortalController } from './school-portal.controller';
import { SchoolPortalService } from './school-portal.service';

@Module({ controllers: [SchoolPortalController], providers: [SchoolPortalService] })
export class SchoolPortalModule {}
