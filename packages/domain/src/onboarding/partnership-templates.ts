import { academicYearOf, academicYearStarting, type HalfTerm, type IsoDateString, typicalTermDates } from '../calendar';
import type { FeeSchedule } from '../fees';
import { REDBRIDGE_SIZE_BANDED } from '../fees/examples';
import type { NoticeRule } from '../membership';
import type { Phase } from '../schools/phase';
import type { BudgetYear, LegalForm } from './legal-forms';
import type { BodyKind, MeetingRhythm, SeatRule, SeatVoting } from '../governance/types';
import type { HalfTermName } from '../calendar/term-dates';

/**
 * Starting points for a new partnership, from the real models in DOMAIN.md. A template only
 * pre-fills: the admin edits every part of it in the setup wizard and in settings.
 */
export const PARTNERSHIP_TEMPLATE_CODES = ['schools-led-company', 'council-led-board', 'membership-association'] as const;
export type PartnershipTemplateCode = (typeof PARTNERSHIP_TEMPLATE_CODES)[number];

export function isPartnershipTemplateCode(value: unknown): value is PartnershipTemplateCode {
  return typeof value === 'string' && (PARTNERSHIP_TEMPLATE_CODES as readonly string[]).includes(value);
}

/** A membership category as a template proposes it (rows of membership_categories). */
export interface CategoryTemplate {
  code: string;
  name: string;
  description: string;
  eligiblePhases: Phase[];
  eligibleTypes: string[];
  /** True: only schools in the partnership's own local authority areas. */
  eligibleInOwnAreas: boolean;
  votingRights: boolean;
  feesApply: boolean;
  includes: string[];
}

export interface PartnershipTemplate {
  code: PartnershipTemplateCode;
  name: string;
  /** One sentence for the chooser. */
  summary: string;
  /** Who it is modelled on, so admins recognise it. */
  modelledOn: string;
  suggestedLegalForm: LegalForm;
  budgetYear: BudgetYear;
  categories: CategoryTemplate[];
  noticeRule: NoticeRule;
  /** The starting fee schedule (a draft) for the academic year starting in September of `year`. */
  feeSchedule(partnershipName: string, year: number): FeeSchedule;
  /** The starting governance structure: bodies, who they report to, when they meet and their seats by rule. */
  governance: GovernanceTemplateBody[];
}

/** A body a template starts a partnership with (issue 10). Seat rules carry no id: the row gives one. */
export interface GovernanceTemplateBody {
  /** Refers to the body within the template (for `parentKey`). */
  key: string;
  name: string;
  kind: BodyKind;
  purpose: string;
  parentKey?: string;
  rhythm: { rhythm: MeetingRhythm; week: number | 'last'; weekday: 1 | 2 | 3 | 4 | 5; startTime: string; endTime: string };
  annualRhythm: { halfTerm: HalfTermName; title: string }[];
  seatRules: { label: string; voting: SeatVoting; termMonths?: number; rule: Record<string, unknown> & { kind: SeatRule['kind'] } }[];
}

const COMMITTEE_RHYTHM = { rhythm: { type: 'termly' as const }, week: 3, weekday: 4 as const, startTime: '16:00', endTime: '17:30' };
const BOARD_RHYTHM = { rhythm: { type: 'half_termly' as const }, week: 2, weekday: 2 as const, startTime: '16:00', endTime: '17:30' };
const AGM_RHYTHM = { rhythm: { type: 'annually' as const, term: 'autumn' as const, half: 2 as const }, week: 3, weekday: 3 as const, startTime: '16:00', endTime: '17:30' };
const BOARD_YEAR: GovernanceTemplateBody['annualRhythm'] = [
  { halfTerm: 'Autumn 1', title: 'Elect the chair and vice-chair' },
  { halfTerm: 'Autumn 1', title: 'Review the terms of reference' },
  { halfTerm: 'Spring 2', title: 'Budget for next year' },
  { halfTerm: 'Summer 2', title: 'Impact reports' },
];
const COMMITTEE_YEAR: GovernanceTemplateBody['annualRhythm'] = [
  { halfTerm: 'Autumn 1', title: 'Agree the action plan and budget' },
  { halfTerm: 'Spring 1', title: 'Review progress on the action plan' },
  { halfTerm: 'Summer 1', title: 'Impact report' },
];
const AGM: GovernanceTemplateBody = {
  key: 'agm',
  name: 'Annual General Meeting',
  kind: 'general_meeting',
  purpose: 'The members’ general meeting: one school, one vote.',
  rhythm: AGM_RHYTHM,
  annualRhythm: [],
  seatRules: [{ label: 'Member school’s voter', voting: 'voting', rule: { kind: 'school_representative', scope: { type: 'category', category: 'full' } } }],
};

const CORE_ENTITLEMENT = [
  'Named link adviser',
  'Critical-friend discussion of results',
  'Networks and forums',
  'Peer review',
  'Brokerage of support when a school needs it',
  'Data reports',
  'Governor support',
];

const ALL_PHASES: Phase[] = [];

function period(year: number) {
  const span = academicYearStarting(year);
  return { kind: 'academic-year' as const, start: span.start, end: span.end, label: `${year}–${String((year + 1) % 100).padStart(2, '0')}` };
}

const schoolsLedCompany: PartnershipTemplate = {
  code: 'schools-led-company',
  name: 'Schools-led company',
  summary: 'A company owned by its member schools: full members vote at general meetings, associates buy services. Fees per pupil, one year’s notice to leave.',
  modelledOn: 'Tower Hamlets Education Partnership and Haringey Education Partnership',
  suggestedLegalForm: 'company-limited-by-guarantee',
  budgetYear: 'academic-year',
  categories: [
    {
      code: 'full',
      name: 'Full member',
      description: 'Every publicly funded school in the partnership’s area. Votes at general meetings: one school, one vote.',
      eligiblePhases: ALL_PHASES,
      eligibleTypes: [],
      eligibleInOwnAreas: true,
      votingRights: true,
      feesApply: true,
      includes: CORE_ENTITLEMENT,
    },
    {
      code: 'associate',
      name: 'Associate member',
      description: 'Other schools, institutions and individuals. Access to certain services; no vote.',
      eligiblePhases: ALL_PHASES,
      eligibleTypes: [],
      eligibleInOwnAreas: false,
      votingRights: false,
      feesApply: true,
      includes: ['Networks and forums', 'Traded services at the member rate'],
    },
  ],
  noticeRule: { kind: 'period', months: 12, leaveAt: 'period-end' },
  governance: [
    {
      key: 'board',
      name: 'Board of Directors',
      kind: 'board',
      purpose: 'The company’s directors, elected by the members at the AGM, with an independent chair.',
      rhythm: BOARD_RHYTHM,
      annualRhythm: BOARD_YEAR,
      seatRules: [
        { label: 'Elected director', voting: 'voting', termMonths: 36, rule: { kind: 'elected', seats: 6 } },
        { label: 'Independent chair', voting: 'voting', rule: { kind: 'appointed', max: 1 } },
      ],
    },
    {
      key: 'council',
      name: 'Advisory Council',
      kind: 'advisory_council',
      purpose: 'Elected by the members to reflect the schools by phase, character and area; advises the board.',
      parentKey: 'board',
      rhythm: COMMITTEE_RHYTHM,
      annualRhythm: COMMITTEE_YEAR,
      seatRules: [
        {
          label: 'Elected member',
          voting: 'voting',
          termMonths: 24,
          rule: { kind: 'elected', seats: 9, reservations: [{ label: 'Primary', count: 3, phases: ['primary'] }, { label: 'Secondary', count: 2, phases: ['secondary'] }] },
        },
      ],
    },
    AGM,
  ],
  feeSchedule: (partnershipName, year) => ({
    formatVersion: 1,
    name: `${partnershipName} membership`,
    period: period(year),
    rounding: { unit: 'penny', mode: 'half-up' },
    components: [{ kind: 'per-pupil', ratePence: 500, label: 'Membership' }],
    proRata: { method: 'month', rounding: { unit: 'penny', mode: 'down' } },
    payment: { kind: 'in-advance' },
    liabilityGuarantee: { amountPence: 2500, note: 'Joining commits the school to pay up to £25 if the company is wound up owing debts.' },
  }),
};

const councilLedBoard: PartnershipTemplate = {
  code: 'council-led-board',
  name: 'Council-led partnership board',
  summary: 'A board of headteachers and council officers; schools subscribe with a base fee plus a rate per pupil by phase, invoiced along each school’s own financial year. Notice by the end of the autumn term.',
  modelledOn: 'Ealing Learning Partnership',
  suggestedLegalForm: 'council-hosted',
  budgetYear: 'financial-year',
  categories: [
    {
      code: 'member',
      name: 'Subscribing school',
      description: 'A school in the council’s area that subscribes. The council matches school subscriptions.',
      eligiblePhases: ALL_PHASES,
      eligibleTypes: [],
      eligibleInOwnAreas: true,
      votingRights: true,
      feesApply: true,
      includes: CORE_ENTITLEMENT,
    },
    {
      code: 'associate',
      name: 'Associate',
      description: 'A school from outside the area that takes part in networks and buys services.',
      eligiblePhases: ALL_PHASES,
      eligibleTypes: [],
      eligibleInOwnAreas: false,
      votingRights: false,
      feesApply: true,
      includes: ['Networks and forums'],
    },
  ],
  noticeRule: { kind: 'deadline', deadline: 'end-of-autumn-term', leaveAt: 'end-of-academic-year' },
  governance: [
    {
      key: 'board',
      name: 'Partnership Board',
      kind: 'board',
      purpose: 'Headteachers chosen by area and phase, with council officers who do not vote. Sets the partnership’s strategy.',
      rhythm: BOARD_RHYTHM,
      annualRhythm: BOARD_YEAR,
      seatRules: [
        { label: 'Headteacher board member', voting: 'voting', termMonths: 36, rule: { kind: 'appointed', max: 8 } },
        { label: 'Council officer', voting: 'non_voting', rule: { kind: 'ex_officio', tenantRole: 'officer' } },
      ],
    },
    ...['Learning & Achievement', 'Safeguarding & Wellbeing', 'SEN & Inclusion'].map(
      (name, i): GovernanceTemplateBody => ({
        key: `committee-${i}`,
        name: `${name} Committee`,
        kind: 'committee',
        purpose: `Co-led by two headteachers: the partnership’s work on ${name.toLowerCase()}.`,
        parentKey: 'board',
        rhythm: COMMITTEE_RHYTHM,
        annualRhythm: COMMITTEE_YEAR,
        seatRules: [
          { label: 'Co-lead headteacher', voting: 'voting', rule: { kind: 'appointed', max: 2 } },
          { label: 'Headteacher member', voting: 'voting', rule: { kind: 'appointed', max: 6 } },
        ],
      }),
    ),
  ],
  feeSchedule: (partnershipName, year) => ({
    formatVersion: 1,
    name: `${partnershipName} subscription`,
    period: period(year),
    rounding: { unit: 'pound', mode: 'half-up' },
    components: [
      { kind: 'base-fee', amountPence: 400_000, when: { phase: ['primary'] } },
      { kind: 'per-pupil', ratePence: 336, when: { phase: ['primary'] } },
      { kind: 'base-fee', amountPence: 650_000, when: { phase: ['secondary'] } },
      { kind: 'per-pupil', ratePence: 340, when: { phase: ['secondary'] } },
      { kind: 'flat-fee', amountPence: 450_000, when: { phase: ['special'] } },
    ],
    proRata: { method: 'month', rounding: { unit: 'pound', mode: 'half-up' } },
    payment: { kind: 'split-by-school-financial-year' },
  }),
};

const membershipAssociation: PartnershipTemplate = {
  code: 'membership-association',
  name: 'Membership association',
  summary: 'An association of schools with an independent chair: primary and special schools are full members, others associates. Subscription by school size; notice by 31 March.',
  modelledOn: 'Redbridge Education Partnership',
  suggestedLegalForm: 'informal',
  budgetYear: 'academic-year',
  categories: [
    {
      code: 'full',
      name: 'Full member',
      description: 'Primary, nursery and special schools in the area. Votes at general meetings.',
      eligiblePhases: ['nursery', 'primary', 'special'],
      eligibleTypes: [],
      eligibleInOwnAreas: true,
      votingRights: true,
      feesApply: true,
      includes: CORE_ENTITLEMENT,
    },
    {
      code: 'associate',
      name: 'Associate member',
      description: 'Secondary and other schools that join networks and buy services. No vote.',
      eligiblePhases: ALL_PHASES,
      eligibleTypes: [],
      eligibleInOwnAreas: false,
      votingRights: false,
      feesApply: true,
      includes: ['Networks and forums', 'Traded services at the member rate'],
    },
  ],
  noticeRule: { kind: 'deadline', deadline: '03-31', leaveAt: 'end-of-academic-year' },
  governance: [
    {
      key: 'board',
      name: 'Strategy Board',
      kind: 'strategy_board',
      purpose: 'An independent chair and the chairs of the school partnership groups steer the partnership.',
      rhythm: BOARD_RHYTHM,
      annualRhythm: BOARD_YEAR,
      seatRules: [
        { label: 'Independent chair', voting: 'voting', rule: { kind: 'appointed', max: 1 } },
        { label: 'Chair of a school partnership group', voting: 'voting', rule: { kind: 'office_holder', office: 'chair', bodyKind: 'cluster' } },
      ],
    },
    {
      key: 'send-forum',
      name: 'SEND Forum',
      kind: 'forum',
      purpose: 'Special school headteachers and SENCO leads share practice and advise the board.',
      parentKey: 'board',
      rhythm: COMMITTEE_RHYTHM,
      annualRhythm: [],
      seatRules: [{ label: 'Special school headteacher', voting: 'voting', rule: { kind: 'role_at_schools', role: 'headteacher', phases: ['special'] } }],
    },
    AGM,
  ],
  // Redbridge's size-banded subscription (fees/examples.ts), for this partnership's name and year.
  feeSchedule: (partnershipName, year) => ({ ...structuredClone(REDBRIDGE_SIZE_BANDED), name: `${partnershipName} subscription`, period: period(year) }),
};

export const PARTNERSHIP_TEMPLATES: readonly PartnershipTemplate[] = [schoolsLedCompany, councilLedBoard, membershipAssociation];

export function partnershipTemplate(code: PartnershipTemplateCode): PartnershipTemplate {
  return PARTNERSHIP_TEMPLATES.find((t) => t.code === code)!;
}

/** One academic year's half terms, as the calendar step shows and stores them. */
export interface AcademicCalendar {
  academicYearStart: number;
  halfTerms: HalfTerm[];
}

/** Everything a template fills in for a new partnership, ready to store. */
export interface TemplateSetup {
  template: PartnershipTemplateCode;
  budgetYear: BudgetYear;
  categories: (Omit<CategoryTemplate, 'eligibleInOwnAreas'> & { eligibleLocalAuthorities: string[]; position: number })[];
  noticeRule: NoticeRule;
  feeSchedule: FeeSchedule;
  calendars: AcademicCalendar[];
  governance: GovernanceTemplateBody[];
}

/**
 * The year a starting fee schedule is for: the current academic year, or the next one
 * once June has come (by then a partnership is pricing for September).
 */
export function startingFeeYear(today: IsoDateString): number {
  const current = academicYearOf(today).startYear;
  const month = Number(today.slice(5, 7));
  return month >= 6 && month <= 8 ? current + 1 : current;
}

/**
 * What a template puts in place for a partnership created on `today`: its categories (limited
 * to its own areas where the template says so), notice rule, a draft fee schedule and typical
 * term dates for the current and next academic years.
 */
export function templateSetup(code: PartnershipTemplateCode, partnership: { name: string; areas: string[] }, today: IsoDateString): TemplateSetup {
  const template = partnershipTemplate(code);
  const current = academicYearOf(today).startYear;
  return {
    template: code,
    budgetYear: template.budgetYear,
    categories: template.categories.map(({ eligibleInOwnAreas, ...category }, position) => ({
      ...category,
      eligiblePhases: [...category.eligiblePhases],
      eligibleTypes: [...category.eligibleTypes],
      includes: [...category.includes],
      eligibleLocalAuthorities: eligibleInOwnAreas ? [...partnership.areas] : [],
      position,
    })),
    noticeRule: structuredClone(template.noticeRule),
    feeSchedule: template.feeSchedule(partnership.name, startingFeeYear(today)),
    calendars: [current, current + 1].map((year) => ({ academicYearStart: year, halfTerms: typicalTermDates(year) })),
    governance: structuredClone(template.governance),
  };
}
