import { csvLine } from './csv-reader';
import { GIAS_COLUMNS } from './gias-register';

/**
 * Writes files in the GIAS establishment export's format, for tests, demos and the
 * import benchmark: the project never ships or downloads the real (large) file.
 * The header is a real export's, trimmed to the columns people most often keep,
 * with the register's columns in their real places among them.
 */
export const GIAS_SAMPLE_HEADER: readonly string[] = [
  'URN', 'LA (code)', 'LA (name)', 'EstablishmentNumber', 'EstablishmentName', 'TypeOfEstablishment (code)', 'TypeOfEstablishment (name)',
  'EstablishmentTypeGroup (code)', 'EstablishmentTypeGroup (name)', 'EstablishmentStatus (code)', 'EstablishmentStatus (name)',
  'ReasonEstablishmentOpened (code)', 'ReasonEstablishmentOpened (name)', 'OpenDate', 'ReasonEstablishmentClosed (code)',
  'ReasonEstablishmentClosed (name)', 'CloseDate', 'PhaseOfEducation (code)', 'PhaseOfEducation (name)', 'StatutoryLowAge', 'StatutoryHighAge',
  'Boarders (code)', 'Boarders (name)', 'NurseryProvision (name)', 'OfficialSixthForm (code)', 'OfficialSixthForm (name)', 'Gender (code)',
  'Gender (name)', 'ReligiousCharacter (code)', 'ReligiousCharacter (name)', 'ReligiousEthos (name)', 'Diocese (code)', 'Diocese (name)',
  'AdmissionsPolicy (code)', 'AdmissionsPolicy (name)', 'SchoolCapacity', 'SpecialClasses (code)', 'SpecialClasses (name)', 'CensusDate',
  'NumberOfPupils', 'NumberOfBoys', 'NumberOfGirls', 'PercentageFSM', 'TrustSchoolFlag (code)', 'TrustSchoolFlag (name)', 'Trusts (code)',
  'Trusts (name)', 'SchoolSponsorFlag (name)', 'SchoolSponsors (name)', 'FederationFlag (name)', 'Federations (code)', 'Federations (name)',
  'UKPRN', 'FEHEIdentifier', 'FurtherEducationType (name)', 'OfstedLastInsp', 'LastChangedDate', 'Street', 'Locality', 'Address3', 'Town',
  'County (name)', 'Postcode', 'SchoolWebsite', 'TelephoneNum', 'HeadTitle (name)', 'HeadFirstName', 'HeadLastName', 'HeadPreferredJobTitle',
  'GOR (name)', 'DistrictAdministrative (name)', 'AdministrativeWard (name)', 'ParliamentaryConstituency (name)', 'UrbanRural (name)',
  'Easting', 'Northing', 'MSOA (name)', 'LSOA (name)', 'SENPRU (name)', 'Inspectorate (name)', 'PropsName', 'Country (name)', 'SiteName',
  'TeenMoth (name)', 'TeenMothPlaces', 'CCF (name)', 'EBD (name)', 'PlacesPRU', 'FTProv (name)', 'EdByOther (name)', 'Section41Approved (name)',
  'SEN1 (name)', 'SEN2 (name)', 'SEN3 (name)', 'SEN4 (name)', 'SEN5 (name)', 'TypeOfResourcedProvision (name)', 'ResourcedProvisionOnRoll',
  'ResourcedProvisionCapacity', 'SenUnitOnRoll', 'SenUnitCapacity', 'GSSLACode (name)', 'CensusAreaStatisticWard (name)',
  'RSCRegion (name)', 'QABName (name)', 'EstablishmentAccredited (name)', 'MSOA (code)', 'LSOA (code)', 'FSM', 'BoardingEstablishment (name)',
  'PreviousLA (name)', 'PreviousEstablishmentNumber', 'OfstedRating (name)', 'LastChangedBy', 'UPRN',
];

/** One school as the sample file writes it, in GIAS's own words (phase and status names, not the register's). */
export interface GiasSampleSchool {
  urn: string;
  name: string;
  type: string;
  phase: string;
  localAuthority: string;
  status: string;
  pupils: number | string | null;
  postcode: string;
  statutoryLowAge: number | string | null;
  statutoryHighAge: number | string | null;
  /** Facts fee rules use, in GIAS's words (e.g. sixthForm "Has a sixth form", openedOn "01-09-2024"); without them the file has plausible fillers. */
  sixthForm?: string;
  openedOn?: string;
  trust?: string;
  federation?: string;
  religiousCharacter?: string;
  diocese?: string;
  district?: string;
}

const FIELD_OF_HEADER: Record<string, keyof GiasSampleSchool> = Object.fromEntries(
  Object.entries(GIAS_COLUMNS).map(([field, header]) => [header, field as keyof GiasSampleSchool]),
);

/** Lines of a GIAS-format CSV (header first), without line breaks; extra columns are filled plausibly. */
export function* giasCsvLines(schools: Iterable<GiasSampleSchool>): Generator<string> {
  yield csvLine(GIAS_SAMPLE_HEADER);
  let n = 0;
  for (const school of schools) {
    n++;
    yield csvLine(GIAS_SAMPLE_HEADER.map((header) => { const field = FIELD_OF_HEADER[header]; return field && school[field] !== undefined ? school[field] : filler(header, school, n); }));
  }
}

/** A whole GIAS-format CSV as text, CRLF line endings as the export writes them. */
export function giasCsv(schools: Iterable<GiasSampleSchool>, options: { lineEnding?: string; bom?: boolean } = {}): string {
  const lines = [...giasCsvLines(schools)];
  return `${options.bom ? '\uFEFF' : ''}${lines.join(options.lineEnding ?? '\r\n')}${options.lineEnding ?? '\r\n'}`;
}

function filler(header: string, school: GiasSampleSchool, n: number): string {
  switch (header) {
    case 'LA (code)':
      return String(300 + (n % 60));
    case 'EstablishmentNumber':
      return String(2000 + (n % 7000));
    case 'OpenDate':
      return '01-09-1990';
    case 'CensusDate':
      return '16-01-2025';
    case 'Street':
      return `${1 + (n % 200)} School Lane, Block ${n % 9}`;
    case 'Town':
      return 'Sampleton';
    case 'SchoolWebsite':
      return `https://www.school-${school.urn}.example.sch.uk`;
    case 'TelephoneNum':
      return `020${String(70000000 + n).padStart(8, '0')}`;
    case 'HeadFirstName':
      return 'Alex';
    case 'HeadLastName':
      return `Sample-${n % 500}`;
    case 'HeadPreferredJobTitle':
      return 'Headteacher';
    case 'Country (name)':
      return 'United Kingdom';
    case 'GOR (name)':
      return 'London';
    case 'ParliamentaryConstituency (name)':
      return 'Sample North and Sample South';
    case 'UrbanRural (name)':
      return '(England/Wales) Urban major conurbation';
    case 'Easting':
      return String(540000 + (n % 9999));
    case 'Northing':
      return String(180000 + (n % 9999));
    case 'Gender (name)':
      return 'Mixed';
    case 'ReligiousCharacter (name)':
      return n % 5 === 0 ? 'Church of England' : 'Does not apply';
    case 'AdmissionsPolicy (name)':
      return 'Not applicable';
    case 'LastChangedDate':
      return '03-02-2025';
    case 'Inspectorate (name)':
      return 'Ofsted';
    case 'DistrictAdministrative (name)':
    case 'GSSLACode (name)':
    case 'PreviousLA (name)':
      return school.localAuthority;
    case 'AdministrativeWard (name)':
    case 'CensusAreaStatisticWard (name)':
      return `${school.localAuthority} Ward ${n % 21}`;
    case 'MSOA (name)':
    case 'LSOA (name)':
      return `${school.localAuthority} ${String(n % 40).padStart(3, '0')}${header.startsWith('L') ? 'A' : ''}`;
    case 'MSOA (code)':
    case 'LSOA (code)':
      return `E0${header.startsWith('L') ? '1' : '2'}${String(1000000 + n).slice(-6)}`;
    case 'UPRN':
      return String(100000000000 + n * 7);
    case 'RSCRegion (name)':
      return 'North-West London and South-Central England';
    case 'LastChangedBy':
      return 'Get Information about Schools data load';
    default:
      return header.endsWith('(code)') ? String(n % 10) : header.endsWith('(name)') ? 'Not applicable' : '';
  }
}

/** The kinds of establishment a sample borough has, with GIAS's names and typical age ranges and rolls. */
const KINDS: readonly { weight: number; type: string; phase: string; ages: [number, number]; pupils: [number, number] }[] = [
  { weight: 40, type: 'Community school', phase: 'Primary', ages: [3, 11], pupils: [180, 700] },
  { weight: 15, type: 'Academy converter', phase: 'Primary', ages: [4, 11], pupils: [200, 650] },
  { weight: 8, type: 'Voluntary aided school', phase: 'Primary', ages: [4, 11], pupils: [150, 450] },
  { weight: 10, type: 'Academy converter', phase: 'Secondary', ages: [11, 18], pupils: [700, 1800] },
  { weight: 4, type: 'Academy sponsor led', phase: 'Secondary', ages: [11, 16], pupils: [600, 1200] },
  { weight: 4, type: 'Community special school', phase: 'Not applicable', ages: [2, 19], pupils: [40, 250] },
  { weight: 3, type: 'Local authority nursery school', phase: 'Nursery', ages: [2, 5], pupils: [40, 120] },
  { weight: 2, type: 'Pupil referral unit', phase: 'Not applicable', ages: [11, 16], pupils: [20, 120] },
  { weight: 2, type: 'Free schools', phase: 'All-through', ages: [4, 18], pupils: [900, 2000] },
  { weight: 2, type: 'Further education', phase: '16 plus', ages: [16, 99], pupils: [800, 5000] },
  { weight: 2, type: 'Foundation school', phase: 'Middle deemed secondary', ages: [9, 13], pupils: [300, 600] },
  { weight: 2, type: 'Other independent school', phase: 'Not applicable', ages: [3, 18], pupils: [100, 900] },
];
const PLACES = ['Oakfield', 'St Mary’s', 'Riverside', 'Hillcrest', 'Elmwood', 'Kingsbury', 'Fairlop', 'Cranbrook', 'Gants Hill', 'Æthelred'];
const AREAS = ['Redbridge', 'Ealing', 'Tower Hamlets', 'Camden', 'Haringey', 'Enfield', 'Lewisham', 'Barking and Dagenham', 'Newham', 'Hackney'];

/**
 * Any number of plausible establishments, the same every time for the same seed:
 * mixed phases and types, names with apostrophes and commas, about one in eight
 * closed and some with a blank number of pupils, as in a real export.
 */
export function* giasSampleSchools(count: number, options: { seed?: number; firstUrn?: number; localAuthorities?: readonly string[] } = {}): Generator<GiasSampleSchool> {
  const next = seeded(options.seed ?? 2025);
  const areas = options.localAuthorities ?? AREAS;
  const totalWeight = KINDS.reduce((sum, kind) => sum + kind.weight, 0);
  for (let i = 0; i < count; i++) {
    let roll = next() * totalWeight;
    const kind = KINDS.find((k) => (roll -= k.weight) < 0) ?? KINDS[0]!;
    const place = PLACES[Math.floor(next() * PLACES.length)]!;
    const between = ([min, max]: [number, number]) => min + Math.floor(next() * (max - min + 1));
    const closed = next() < 0.125;
    const blankPupils = next() < 0.05;
    const suffix = kind.phase === 'Secondary' ? 'High School' : kind.phase === 'Nursery' ? 'Nursery School' : kind.type.includes('special') ? 'Special School' : 'School';
    yield {
      urn: String((options.firstUrn ?? 100000) + i).padStart(6, '0'),
      name: i % 7 === 0 ? `${place} ${suffix}, ${i}` : `${place} ${suffix} ${i}`,
      type: kind.type,
      phase: kind.phase,
      localAuthority: areas[i % areas.length]!,
      status: closed ? 'Closed' : i % 50 === 0 ? 'Open, but proposed to close' : 'Open',
      pupils: blankPupils || closed ? '' : between(kind.pupils),
      postcode: `E${1 + (i % 20)} ${1 + (i % 9)}${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + ((i * 7) % 26))}`,
      statutoryLowAge: kind.ages[0],
      statutoryHighAge: kind.ages[1],
    };
  }
}

/** mulberry32: small, fast and repeatable. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
