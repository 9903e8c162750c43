import { describe, expect, it } from 'vitest';
import { describeAuditEntry } from './audit.ts';

const row = (action: string, detail: Record<string, unknown> | null) => ({ action, entityTable: action.split('.')[0]!, detail });

describe('the audit log in plain English', () => {
  it('names the settings that changed, with their new values', () => {
    const change = describeAuditEntry(row('tenants.update', { brand_colour: '#1d4f91', listed: true, updated_at: '2026-11-25T10:00:00Z', logo_data_url: 'data:image/png;base64,AAAA' }));
    expect(change.what).toBe('Changed the partnership’s settings');
    expect(change.details).toEqual(['Brand colour: #1d4f91', 'Listed in the directory: Yes', 'Logo: new logo']);
  });

  it('shows setup progress as step titles and budget years in words', () => {
    expect(describeAuditEntry(row('tenants.update', { setup_steps_done: ['details', 'calendar'] })).details).toEqual(['Setup steps done: Details and branding, Academic calendar']);
    expect(describeAuditEntry(row('tenants.update', { budget_year: 'financial-year' })).details).toEqual(['Budgets on: The financial year']);
  });

  it('shortens long text', () => {
    const [line] = describeAuditEntry(row('tenants.update', { description: 'x'.repeat(300) })).details;
    expect(line!.length).toBeLessThan(140);
    expect(line).toMatch(/…$/);
  });

  it.each([
    [row('tenants.insert', { name: 'Newham Schools Partnership' }), 'Created the partnership Newham Schools Partnership'],
    [row('tenant_calendars.insert', { academic_year_start: '2026-09-01' }), 'Saved the term dates for 2026–27'],
    [row('membership_categories.insert', { name: 'Full member' }), 'Added the membership category Full member'],
    [row('membership_categories.update', { archived_at: '2026-11-25T10:00:00Z' }), 'Archived a membership category'],
    [row('invitations.insert', { email: 'sam@newham.example', role: 'finance', token_hash: '(redacted)' }), 'Invited sam@newham.example as Finance'],
    [row('tenant_roles.insert', { role: 'tenant-admin' }), 'Gave the role Partnership admin'],
    [row('fee_schedules.insert', { name: 'Newham membership' }), 'Drafted the fee schedule Newham membership'],
    [row('school_imports.insert', {}), 'Added a school register import'],
    [row('something_new.delete', null), 'Removed something new'],
  ])('%#: %s', (entry, what) => expect(describeAuditEntry(entry).what).toBe(what));
});
