import { roleLabel } from './labels.ts';
import { budgetYearLabel, legalFormLabel, SETUP_STEP_INFO, isSetupStep } from './partnership-labels.ts';

/** One row of the audit log, as GET /api/v1/tenants/{slug}/audit-log gives it. */
export interface AuditRow {
  action: string;
  entityTable: string;
  detail: Record<string, unknown> | null;
}

/** A change in plain words: what happened, and the new values that matter. */
export interface DescribedChange {
  what: string;
  details: string[];
}

const TABLES: Record<string, string> = {
  tenants: 'the partnership’s settings',
  tenant_calendars: 'term dates',
  membership_categories: 'a membership category',
  invitations: 'an invitation',
  tenant_roles: 'someone’s role',
  fee_schedules: 'a fee schedule',
  memberships: 'a school’s membership',
  membership_events: 'a school’s membership history',
  school_invitations: 'an invitation to a school',
  school_imports: 'a school register import',
  school_pupil_counts: 'pupil numbers',
  tenant_documents: 'a document',
};

/** Columns of tenants a person changes, in words. Bookkeeping columns are left out. */
const SETTING_LABELS: Record<string, string> = {
  name: 'Name',
  description: 'Description',
  areas: 'Areas',
  legal_form: 'How it is constituted',
  contact_email: 'Contact e-mail',
  contact_phone: 'Telephone',
  website: 'Website',
  listed: 'Listed in the directory',
  in_national_association: 'In the national association',
  budget_year: 'Budgets on',
  brand_colour: 'Brand colour',
  logo_data_url: 'Logo',
  notice_rule: 'Notice rule',
  plan: 'Plan',
  trial_ends_at: 'Trial ends',
  setup_steps_done: 'Setup steps done',
  setup_completed_at: 'Setup finished',
  status: 'Status',
  suspended_reason: 'Reason for suspension',
};

const CATEGORY_LABELS: Record<string, string> = {
  name: 'Name',
  description: 'Description',
  eligible_phases: 'Phases',
  eligible_types: 'Types of school',
  eligible_local_authorities: 'Areas',
  voting_rights: 'Votes',
  fees_apply: 'Fees apply',
  includes: 'Includes',
  position: 'Order',
  archived_at: 'Archived',
};

const IGNORED = new Set(['id', 'tenant_id', 'created_at', 'updated_at', 'created_by', 'updated_by', 'suspended_at']);

function shorten(text: string, max = 120): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

function plain(value: unknown): string {
  if (value === null || value === undefined || value === '') return 'none';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (Array.isArray(value)) return value.length ? value.map(plain).join(', ') : 'none';
  if (typeof value === 'object') return 'changed';
  return shorten(String(value));
}

function settingValue(column: string, value: unknown): string {
  switch (column) {
    case 'logo_data_url':
      return value ? 'new logo' : 'removed';
    case 'legal_form':
      return legalFormLabel(typeof value === 'string' ? value : null);
    case 'budget_year':
      return typeof value === 'string' ? budgetYearLabel(value) : plain(value);
    case 'setup_steps_done':
      return Array.isArray(value) && value.length ? value.map((s) => (typeof s === 'string' && isSetupStep(s) ? SETUP_STEP_INFO[s].title : String(s))).join(', ') : 'none';
    case 'notice_rule':
      return 'changed';
    case 'setup_completed_at':
      return value ? 'Yes' : 'No';
    default:
      return plain(value);
  }
}

function changedColumns(detail: Record<string, unknown>, labels: Record<string, string>, value: (column: string, v: unknown) => string): string[] {
  return Object.keys(detail)
    .filter((c) => !IGNORED.has(c) && c in labels)
    .map((c) => `${labels[c]}: ${value(c, detail[c])}`);
}

function academicYearLabel(start: unknown): string | null {
  const year = typeof start === 'string' ? Number(start.slice(0, 4)) : NaN;
  return Number.isFinite(year) ? `${year}–${String((year + 1) % 100).padStart(2, '0')}` : null;
}

/** A row of the audit log in plain English. */
export function describeAuditEntry(entry: AuditRow): DescribedChange {
  const detail = entry.detail ?? {};
  const op = entry.action.split('.').pop() ?? '';
  const name = typeof detail.name === 'string' ? detail.name : null;
  switch (entry.entityTable) {
    case 'tenants':
      if (op === 'insert') return { what: `Created the partnership${name ? ` ${name}` : ''}`, details: [] };
      return { what: 'Changed the partnership’s settings', details: changedColumns(detail, SETTING_LABELS, settingValue) };
    case 'tenant_calendars': {
      const year = academicYearLabel(detail.academic_year_start);
      return { what: year ? `Saved the term dates for ${year}` : 'Saved term dates', details: [] };
    }
    case 'membership_categories':
      if (op === 'insert') return { what: `Added the membership category ${name ?? ''}`.trim(), details: [] };
      if ('archived_at' in detail) return { what: detail.archived_at ? 'Archived a membership category' : 'Offered an archived membership category again', details: [] };
      return { what: 'Changed a membership category', details: changedColumns(detail, CATEGORY_LABELS, (_, v) => plain(v)) };
    case 'invitations':
      if (op === 'insert') {
        const role = typeof detail.role === 'string' ? roleLabel(detail.role) : null;
        const email = typeof detail.email === 'string' ? detail.email : null;
        return { what: `Invited ${email ?? 'a colleague'}${role ? ` as ${role}` : ''}`, details: [] };
      }
      if (detail.accepted_at) return { what: 'An invitation was accepted', details: [] };
      break;
    case 'tenant_roles':
      if (typeof detail.role === 'string') return { what: `${op === 'delete' ? 'Removed' : 'Gave'} the role ${roleLabel(detail.role)}`, details: [] };
      break;
    case 'fee_schedules':
      if (op === 'insert') return { what: `Drafted the fee schedule ${name ?? ''}`.trim(), details: [] };
      if (detail.status === 'published') return { what: 'Published a fee schedule', details: [] };
      break;
  }
  const table = TABLES[entry.entityTable] ?? entry.entityTable.replace(/_/g, ' ');
  const verb = op === 'insert' ? 'Added' : op === 'delete' ? 'Removed' : 'Changed';
  return { what: `${verb} ${table}`, details: [] };
}
