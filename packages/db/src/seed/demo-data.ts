import type { NoticeRule, Phase, TenantRole } from '@partnerships/domain';
import { THE_PARTNERSHIP_NOTICE_RULE } from '@partnerships/domain';

/** Demo only: refused in production. Listed in the README. */
export const DEMO_PASSWORD = 'partnerships-demo';
export const DEMO_OPERATOR_EMAIL = 'operator@platform.demo.test';

export interface DemoSchool {
  urn: string;
  name: string;
  phase: Phase;
  type: string;
  pupils: number;
  postcode: string;
  category: 'full' | 'associate';
  /** What GIAS would say for fee rules (issue 13): sixth form, opening date, trust or federation, religious character and diocese. */
  facts?: { sixthForm?: boolean; openedOn?: string; trust?: string; federation?: string; religiousCharacter?: string; diocese?: string };
}

export interface DemoTenant {
  slug: string;
  name: string;
  localAuthority: string;
  description: string;
  legalForm: 'company-limited-by-guarantee' | 'charity' | 'council-hosted' | 'informal';
  brandColour: string;
  /** The published notice rule, where the demo has one (otherwise one year's notice applies). */
  noticeRule?: NoticeRule;
  schools: DemoSchool[];
  /** Extra staff besides admin@<slug>.demo.test. */
  staff: { email: string; name: string; roles: TenantRole[] }[];
}

/** Three partnerships from shared/DOMAIN.md; school names are fictional, URNs are six digits. */
export const DEMO_TENANTS: DemoTenant[] = [
  {
    slug: 'redbridge',
    name: 'Redbridge Education Partnership',
    localAuthority: 'Redbridge',
    description: 'A membership association of Redbridge schools with an independent chair: school partnership groups, peer review, CPD and networks.',
    legalForm: 'informal',
    brandColour: '#5b2a86',
    staff: [{ email: 'finance@redbridge.demo.test', name: 'Farah Finance', roles: ['finance'] }],
    schools: [
      { urn: '910001', name: 'Aldborough Hatch Primary School', phase: 'primary', type: 'Community school', pupils: 210, postcode: 'IG2 7AA', category: 'full' },
      { urn: '910002', name: 'Barkingside Fields Primary School', phase: 'primary', type: 'Academy converter', pupils: 420, postcode: 'IG6 1AB', category: 'full', facts: { trust: 'Forest Learning Trust' } },
      { urn: '910003', name: 'Clayhall Meadow Infant School', phase: 'primary', type: 'Voluntary aided school', pupils: 270, postcode: 'IG5 0AC', category: 'full', facts: { religiousCharacter: 'Roman Catholic', diocese: 'Diocese of Brentwood' } },
      { urn: '910004', name: 'Fairlop Vale Special School', phase: 'special', type: 'Community special school', pupils: 110, postcode: 'IG6 3AD', category: 'full' },
      { urn: '910005', name: 'Wanstead Park High School', phase: 'secondary', type: 'Academy converter', pupils: 1180, postcode: 'E11 2AE', category: 'associate', facts: { sixthForm: true, trust: 'Forest Learning Trust', openedOn: '2012-08-01' } },
      { urn: '910006', name: 'Seven Kings Green Primary School', phase: 'primary', type: 'Foundation school', pupils: 630, postcode: 'IG3 8AF', category: 'associate' },
    ],
  },
  {
    slug: 'ealing',
    name: 'Ealing Learning Partnership',
    localAuthority: 'Ealing',
    description: 'A council-led partnership board of headteachers and officers, with six co-led committees and locality clusters.',
    legalForm: 'council-hosted',
    brandColour: '#00606b',
    staff: [{ email: 'officer@ealing.demo.test', name: 'Owen Officer', roles: ['officer'] }],
    schools: [
      { urn: '920001', name: 'Acton Vale Primary School', phase: 'primary', type: 'Community school', pupils: 210, postcode: 'W3 6AA', category: 'full' },
      { urn: '920002', name: 'Brentside Green Primary School', phase: 'primary', type: 'Academy sponsor led', pupils: 420, postcode: 'W7 1AB', category: 'full' },
      { urn: '920003', name: 'Northolt Park Primary School', phase: 'primary', type: 'Voluntary controlled school', pupils: 630, postcode: 'UB5 4AC', category: 'full', facts: { religiousCharacter: 'Church of England', diocese: 'Diocese of London' } },
      { urn: '920004', name: 'Hanwell Bridge Primary School', phase: 'primary', type: 'Community school', pupils: 840, postcode: 'W7 2AD', category: 'full' },
      { urn: '920005', name: 'Southall Common High School', phase: 'secondary', type: 'Academy converter', pupils: 1200, postcode: 'UB1 3AE', category: 'full', facts: { sixthForm: true, trust: 'West London Schools Trust' } },
      { urn: '920006', name: 'Perivale Lane Special School', phase: 'special', type: 'Community special school', pupils: 95, postcode: 'UB6 7AF', category: 'full' },
    ],
  },
  {
    slug: 'tower-hamlets',
    name: 'Tower Hamlets Education Partnership',
    localAuthority: 'Tower Hamlets',
    description: 'A schools-owned company limited by guarantee and a charity: school improvement, networks and professional learning for Tower Hamlets schools.',
    legalForm: 'company-limited-by-guarantee',
    brandColour: '#b3261e',
    staff: [],
    noticeRule: THE_PARTNERSHIP_NOTICE_RULE,
    schools: [
      { urn: '930001', name: 'Bow Locks Primary School', phase: 'primary', type: 'Community school', pupils: 420, postcode: 'E3 2AA', category: 'full', facts: { federation: 'Limehouse and Bow Federation' } },
      { urn: '930002', name: 'Limehouse Basin Primary School', phase: 'primary', type: 'Voluntary aided school', pupils: 210, postcode: 'E14 7AB', category: 'full', facts: { religiousCharacter: 'Church of England', diocese: 'Diocese of London', federation: 'Limehouse and Bow Federation' } },
      { urn: '930003', name: 'Mile End Gardens Nursery School', phase: 'nursery', type: 'Local authority nursery school', pupils: 96, postcode: 'E1 4AC', category: 'full' },
      { urn: '930004', name: 'Stepney Green Park Secondary School', phase: 'secondary', type: 'Community school', pupils: 1050, postcode: 'E1 3AD', category: 'full', facts: { sixthForm: false, openedOn: '1998-09-01' } },
      { urn: '930005', name: 'Isle of Dogs Learning Centre', phase: 'alternative-provision', type: 'Pupil referral unit', pupils: 48, postcode: 'E14 3AE', category: 'associate' },
    ],
  },
];

export const demoAdminEmail = (slug: string) => `admin@${slug}.demo.test`;
export const demoHeadEmail = (urn: string) => `head.${urn}@demo.test`;
