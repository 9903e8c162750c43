import { PUPIL_COUNT_MAX } from '../fees/pupil-count';
import { isUrn, type Phase } from './phase';

/**
 * Reading the Department for Education's "Get Information About Schools" (GIAS)
 * establishment export into the product's school register. The export has well over
 * a hundred columns; these are the ones the register keeps, by their real headers.
 */
export const GIAS_COLUMNS = {
  urn: 'URN',
  name: 'EstablishmentName',
  type: 'TypeOfEstablishment (name)',
  phase: 'PhaseOfEducation (name)',
  localAuthority: 'LA (name)',
  status: 'EstablishmentStatus (name)',
  pupils: 'NumberOfPupils',
  postcode: 'Postcode',
  statutoryLowAge: 'StatutoryLowAge',
  statutoryHighAge: 'StatutoryHighAge',
  // Facts fee rules may price by (issue 13); all optional.
  sixthForm: 'OfficialSixthForm (name)',
  openedOn: 'OpenDate',
  trust: 'Trusts (name)',
  federation: 'Federations (name)',
  religiousCharacter: 'ReligiousCharacter (name)',
  diocese: 'Diocese (name)',
  district: 'DistrictAdministrative (name)',
} as const;

export type GiasField = keyof typeof GIAS_COLUMNS;
const REQUIRED: readonly GiasField[] = ['urn', 'name', 'type', 'phase', 'localAuthority', 'status'];

/** Where each column is in the file (-1 when an optional one is absent). */
export type GiasColumnIndex = Record<GiasField, number>;

export const REGISTER_STATUSES = ['open', 'closed', 'proposed-to-close', 'proposed-to-open'] as const;
export type RegisterStatus = (typeof REGISTER_STATUSES)[number];

/** A school as the register holds it. */
export interface RegisterEntry {
  urn: string;
  name: string;
  phase: Phase;
  type: string;
  localAuthority: string;
  status: RegisterStatus;
  pupils: number | null;
  postcode: string | null;
  statutoryLowAge: number | null;
  statutoryHighAge: number | null;
  /**
   * Facts fee rules may price by. Null: none (or not known), and an import clears the register's
   * value; absent (undefined): the source does not say (a file without the column), and the
   * register's value is kept.
   */
  sixthForm?: boolean | null;
  /** 'YYYY-MM-DD'. */
  openedOn?: string | null;
  trust?: string | null;
  federation?: string | null;
  religiousCharacter?: string | null;
  diocese?: string | null;
  district?: string | null;
}

export type GiasRow =
  | { kind: 'school'; school: RegisterEntry; warnings: string[] }
  | { kind: 'problem'; urn: string | null; message: string };

/**
 * Finds the columns in a header row (matching ignores case and surrounding spaces).
 * `missing` names the required columns that are not there, in the file's own words.
 */
export function giasColumns(header: readonly string[]): { columns: GiasColumnIndex; missing: string[] } {
  const positions = new Map<string, number>();
  header.forEach((name, index) => {
    // A UTF-8 byte-order mark read as Windows-1252 shows as "ï»¿".
    const key = name.replace(/^(\uFEFF|ï»¿)/, '').trim().toLowerCase();
    if (!positions.has(key)) positions.set(key, index);
  });
  const columns = Object.fromEntries(
    (Object.keys(GIAS_COLUMNS) as GiasField[]).map((field) => [field, positions.get(GIAS_COLUMNS[field].toLowerCase()) ?? -1]),
  ) as GiasColumnIndex;
  const missing = REQUIRED.filter((field) => columns[field] === -1).map((field) => GIAS_COLUMNS[field]);
  return { columns, missing };
}

/** What the problem list says when the header is wrong: the whole file cannot be read. */
export function missingColumnsMessage(missing: readonly string[]): string {
  return `This does not look like a GIAS establishment file: it has no ${missing.map((m) => `"${m}"`).join(', ')} column${missing.length === 1 ? '' : 's'}. Download "all establishment data" from Get Information About Schools and upload it as it comes.`;
}

/** One data row of the export, checked and mapped to a register entry, or the reason it cannot be used. */
export function readGiasRow(fields: readonly string[], columns: GiasColumnIndex): GiasRow {
  const get = (field: GiasField) => {
    const index = columns[field];
    return index >= 0 ? (fields[index] ?? '').trim() : '';
  };
  const urn = get('urn');
  if (urn === '') return { kind: 'problem', urn: null, message: 'The URN is blank, so the row cannot be matched to a school.' };
  if (!isUrn(urn)) return { kind: 'problem', urn, message: `The URN "${urn}" is not six digits.` };
  const name = get('name').replace(/\s+/g, ' ');
  if (name === '') return { kind: 'problem', urn, message: 'The establishment name is blank.' };
  const localAuthority = get('localAuthority');
  if (localAuthority === '') return { kind: 'problem', urn, message: 'The local authority (LA (name)) is blank.' };
  const statusName = get('status');
  const status = registerStatusFromGias(statusName);
  if (!status) return { kind: 'problem', urn, message: `The establishment status "${statusName}" is not one GIAS uses (Open, Closed, Open but proposed to close, Proposed to open).` };

  const warnings: string[] = [];
  const number = (field: GiasField, max: number) => {
    const raw = get(field).replace(/[,\s]/g, '');
    if (raw === '') return null;
    if (/^\d+$/.test(raw) && Number(raw) <= max) return Number(raw);
    warnings.push(`${GIAS_COLUMNS[field]} "${get(field)}" is not a whole number, so it was left blank.`);
    return null;
  };
  const pupils = number('pupils', PUPIL_COUNT_MAX); // the limits every pupil number input uses
  const statutoryLowAge = number('statutoryLowAge', 99);
  const statutoryHighAge = number('statutoryHighAge', 99);
  const type = get('type');
  const phaseName = get('phase');
  const phase = phaseFromGias(phaseName, type, statutoryLowAge, statutoryHighAge);
  if (!phase) {
    return {
      kind: 'problem',
      urn,
      message: `The phase of education could not be worked out: GIAS gives "${phaseName || '(blank)'}" for a "${type || '(blank)'}" with no usable age range.`,
    };
  }
  const postcode = get('postcode').toUpperCase().replace(/\s+/g, ' ');
  // The facts fee rules use: in a file that has the column, a blank (or GIAS's "Not applicable",
  // "Does not apply") means none, and clears what the register held (a school that leaves its
  // trust has a blank 'Trusts (name)'); a file without the column says nothing (undefined: kept).
  const has = (field: GiasField) => columns[field] >= 0;
  const fact = <T>(field: GiasField, read: (value: string) => T): T | undefined => (has(field) ? read(get(field)) : undefined);
  const openDate = get('openedOn');
  let openedOn = fact('openedOn', giasDate);
  if (openDate !== '' && openedOn === null) {
    // Unreadable is not blank: the register's date stands.
    warnings.push(`OpenDate "${openDate}" is not a date, so it was not used.`);
    openedOn = undefined;
  }
  return {
    kind: 'school',
    school: {
      urn,
      name,
      phase,
      type: type || 'Not recorded',
      localAuthority,
      status,
      pupils,
      postcode: postcode || null,
      statutoryLowAge,
      statutoryHighAge,
      sixthForm: fact('sixthForm', sixthFormFromGias),
      openedOn,
      trust: fact('trust', giasName),
      federation: fact('federation', giasName),
      religiousCharacter: fact('religiousCharacter', giasName),
      diocese: fact('diocese', giasName),
      district: fact('district', giasName),
    },
    warnings,
  };
}

/** GIAS's OfficialSixthForm: "Has a sixth form" / "Does not have a sixth form"; anything else ("Not applicable", blank) is not known. */
export function sixthFormFromGias(name: string): boolean | null {
  const value = name.trim().toLowerCase();
  if (value === 'has a sixth form') return true;
  if (value === 'does not have a sixth form') return false;
  return null;
}

/** A name GIAS gives, or null for its ways of saying there is none ("Not applicable", "None", "Does not apply"). */
export function giasName(value: string): string | null {
  const name = value.trim().replace(/\s+/g, ' ');
  if (/^(|not applicable|none|does not apply|n\/a|unknown|not recorded)$/i.test(name)) return null;
  return name;
}

/** GIAS writes dates as DD-MM-YYYY (sometimes DD/MM/YYYY); ISO dates are accepted too. Null when blank or not a real date. */
export function giasDate(value: string): string | null {
  const text = value.trim();
  const dmy = /^(\d{1,2})[-/](\d{1,2})[-/](\d{4})$/.exec(text);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const [y, m, d] = dmy ? [Number(dmy[3]), Number(dmy[2]), Number(dmy[1])] : iso ? [Number(iso[1]), Number(iso[2]), Number(iso[3])] : [0, 0, 0];
  if (y === 0) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** GIAS's establishment status names, in the register's words. */
export function registerStatusFromGias(name: string): RegisterStatus | undefined {
  switch (name.trim().toLowerCase().replace(/\s+/g, ' ')) {
    case 'open':
      return 'open';
    case 'closed':
      return 'closed';
    case 'open, but proposed to close':
    case 'open but proposed to close':
      return 'proposed-to-close';
    case 'proposed to open':
      return 'proposed-to-open';
    default:
      return undefined;
  }
}

/**
 * The product's phase for a GIAS establishment. The type decides first for special
 * schools and alternative provision, which GIAS files under "Not applicable" or under
 * the age phase they teach; then GIAS's phase; then, for "Not applicable" (colleges,
 * nurseries, independent schools), the type's name and the statutory age range.
 */
export function phaseFromGias(phaseName: string, typeName: string, lowAge: number | null = null, highAge: number | null = null): Phase | undefined {
  const type = typeName.trim().toLowerCase();
  if (/pupil referral|alternative provision|secure unit/.test(type)) return 'alternative-provision';
  if (/special|approved for sen/.test(type)) return 'special';
  switch (phaseName.trim().toLowerCase()) {
    case 'nursery':
      return 'nursery';
    case 'primary':
      return 'primary';
    case 'middle deemed primary':
    case 'middle deemed secondary':
      return 'middle';
    case 'secondary':
      return 'secondary';
    case '16 plus':
      return 'post-16';
    case 'all-through':
    case 'all through':
      return 'all-through';
  }
  if (/nursery/.test(type)) return 'nursery';
  if (/further education|sixth form|16.?(to|-).?19|post.?16|16 plus/.test(type)) return 'post-16';
  return phaseFromAges(lowAge, highAge);
}

function phaseFromAges(low: number | null, high: number | null): Phase | undefined {
  if (low === null || high === null || high < low) return undefined;
  if (high <= 5) return 'nursery';
  if (low >= 16) return 'post-16';
  if (high <= 11) return 'primary';
  if (low >= 11) return 'secondary';
  if (low >= 7 && high <= 14) return 'middle';
  return 'all-through';
}

/**
 * Whether an imported row changes the register. A closed school the register has
 * never held is left out (the export carries tens of thousands); one it holds is
 * marked closed, because partnerships need to see that.
 */
export function shouldAddToRegister(entry: RegisterEntry): boolean {
  return entry.status !== 'closed';
}
