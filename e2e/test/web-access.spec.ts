import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildAbility, subjectOf } from '@partnerships/api/dist/common/ability.factory.js';
import type { Action, TenantSubject } from '@partnerships/web/src/lib/access';
import { ROOT } from './support/paths';

/**
 * Not a browser test, but this package is the one that has both the API (as built) and the web app.
 * The web shows a link or a form only when the API would answer it (apps/web/src/lib/access.ts);
 * it must grant exactly what the API's abilities grant, for every role and any two together, or
 * someone is shown a page the API refuses (or not shown one they may open).
 */
const ACTIONS: Action[] = ['manage', 'create', 'read', 'update', 'delete'];
const TENANT = '00000000-0000-4000-8000-000000000001';
const OTHER = '00000000-0000-4000-8000-000000000002';
/** Every role a person can hold in a partnership, as the API publishes them. */
const TENANT_ROLES: string[] = JSON.parse(readFileSync(join(ROOT, 'apps', 'api', 'openapi.json'), 'utf8')).components.schemas.TenantRole.enum;
type Grants = Parameters<typeof buildAbility>[0];
const grants = (roles: readonly string[], tenantId = TENANT): Grants => ({ isPlatformOperator: false, tenantRoles: roles.map((role) => ({ tenantId, role: role as Grants['tenantRoles'][number]['role'] })), schoolRoles: [] });

/**
 * The web's answers for some role sets, every subject and action: read by Node itself in a child
 * process (it runs TypeScript without types; Vite would first look for the web app's tsconfig,
 * which only SvelteKit's build can resolve). The file has no imports of its own.
 */
function webAnswers(roleSets: readonly (readonly string[])[]): { subjects: TenantSubject[]; can: boolean[][][] } {
  const file = pathToFileURL(join(ROOT, 'apps', 'web', 'src', 'lib', 'access.ts')).href;
  const script = `const { tenantCan, TENANT_SUBJECTS } = await import(${JSON.stringify(file)});
const roleSets = ${JSON.stringify(roleSets)};
const actions = ${JSON.stringify(ACTIONS)};
console.log(JSON.stringify({ subjects: TENANT_SUBJECTS, can: roleSets.map((roles) => TENANT_SUBJECTS.map((s) => actions.map((a) => tenantCan(roles, a, s)))) }));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }));
}

function apiCan(roles: readonly string[], action: Action, subject: TenantSubject): boolean {
  return buildAbility(grants(roles)).can(action, subjectOf(subject, { tenantId: TENANT }));
}

const roleSets: string[][] = [[], ...TENANT_ROLES.map((r) => [r]), ...TENANT_ROLES.flatMap((a, i) => TENANT_ROLES.slice(i + 1).map((b) => [a, b]))];

const web = webAnswers(roleSets);
const TENANT_SUBJECTS = web.subjects;

describe("the web's access rules are the API's", () => {
  it.each(roleSets.map((roles, i) => [roles.join(' + ') || 'no role', roles, i] as const))('%s', (_, roles, i) => {
    const differences: string[] = [];
    for (const [j, subject] of TENANT_SUBJECTS.entries()) {
      for (const [k, action] of ACTIONS.entries()) {
        const api = apiCan(roles, action, subject);
        if (web.can[i][j][k] !== api) differences.push(`${action} ${subject}: the API says ${api ? 'yes' : 'no'}`);
      }
    }
    expect(differences).toEqual([]);
  });

  it('covers every subject a tenant role is granted anything on, and the test can tell yes from no', () => {
    // An admin may manage its own partnership's members but not another's, nor read a platform's.
    expect(TENANT_ROLES).toContain('finance');
    const admin = buildAbility(grants(['tenant-admin']));
    expect(admin.can('manage', subjectOf('Membership', { tenantId: OTHER }))).toBe(false);
    expect(apiCan(['officer'], 'manage', 'Billing')).toBe(false);
    const officer = roleSets.findIndex((roles) => roles.length === 1 && roles[0] === 'officer');
    expect(web.can[officer][TENANT_SUBJECTS.indexOf('Invoice')][ACTIONS.indexOf('read')]).toBe(true);
    expect(web.can[officer][TENANT_SUBJECTS.indexOf('Billing')][ACTIONS.indexOf('read')]).toBe(false);
    // Every subject some role is granted something on is one the web knows.
    const granted = new Set(admin.rules.map((rule) => [rule.subject].flat()).flat());
    for (const role of TENANT_ROLES) for (const rule of buildAbility(grants([role])).rules) for (const s of [rule.subject].flat()) granted.add(s);
    expect([...granted].filter((s) => !(TENANT_SUBJECTS as readonly string[]).includes(String(s)))).toEqual([]);
  });
});
