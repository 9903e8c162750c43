import { AuditEntry } from './audit-entry.entity';
import { FeeScheduleRecord } from './fee-schedule.entity';
import { Invitation } from './invitation.entity';
import { Membership } from './membership.entity';
import { MembershipCategory } from './membership-category.entity';
import { PasswordReset } from './password-reset.entity';
import { School } from './school.entity';
import { SchoolRole } from './school-role.entity';
import { Session } from './session.entity';
import { Tenant } from './tenant.entity';
import { TenantCalendar } from './tenant-calendar.entity';
import { TenantRole } from './tenant-role.entity';
import { User } from './user.entity';

export { AuditEntry, FeeScheduleRecord, Invitation, Membership, MembershipCategory, PasswordReset, School, SchoolRole, Session, Tenant, TenantCalendar, TenantRole, User };
export const ENTITIES = [AuditEntry, FeeScheduleRecord, Invitation, Membership, MembershipCategory, PasswordReset, School, SchoolRole, Session, Tenant, TenantCalendar, TenantRole, User];
