import { describe, expect, it } from 'vitest';
import { readCsv } from './csv-reader';
import { GIAS_SAMPLE_HEADER, giasCsv, giasSampleSchools, type GiasSampleSchool } from './gias-sample-file';
import { giasColumns, missingColumnsMessage, phaseFromGias, readGiasRow, registerStatusFromGias, shouldAddToRegister } from './gias-register';
import { EncodingSniffer, encodeWindows1252, textDecoderFor } from './text-encoding';

const school = (over: Partial<GiasSampleSchool> = {}): GiasSampleSchool => ({
  urn: '123456',
  name: 'Oakfield Primary School',
  type: 'Community school',
  phase: 'Primary',
  localAuthority: 'Redbridge',
  status: 'Open',
  pupils: 420,
  postcode: 'ig1  2ab',
  statutoryLowAge: 3,
  statutoryHighAge: 11,
  ...over,
});

function rowsOf(schools: GiasSampleSchool[]) {
  const [header, ...rows] = readCsv(giasCsv(schools));
  const { columns, missing } = giasColumns(header!.fields);
  expect(missing).toEqual([]);
  return rows.map((r) => readGiasRow(r.fields, columns));
}

describe('reading a GIAS export', () => {
  it('maps a row to a register entry in the register’s words', () => {
    expect(rowsOf([school()])[0]).toEqual({
      kind: 'school',
      warnings: [],
      school: {
        urn: '123456',
        name: 'Oakfield Primary School',
        phase: 'primary',
        type: 'Community school',
        localAuthority: 'Redbridge',
        status: 'open',
        pupils: 420,
        postcode: 'IG1 2AB',
        statutoryLowAge: 3,
        statutoryHighAge: 11,
        sixthForm: null,
        openedOn: '1990-09-01',
        trust: null,
        federation: null,
        religiousCharacter: null,
        diocese: null,
        district: 'Redbridge',
      },
    });
  });

  it('keeps the facts fee rules use: sixth form, opening date, trust, federation, religious character, diocese, district', () => {
    const [row] = rowsOf([
      school({
        sixthForm: 'Has a sixth form',
        openedOn: '01-09-2024',
        trust: 'Oak Learning Trust',
        federation: 'Not applicable',
        religiousCharacter: 'Church of England',
        diocese: 'Diocese of London',
        district: 'Tower Hamlets',
      }),
    ]);
    expect(row).toMatchObject({
      kind: 'school',
      school: { sixthForm: true, openedOn: '2024-09-01', trust: 'Oak Learning Trust', federation: null, religiousCharacter: 'Church of England', diocese: 'Diocese of London', district: 'Tower Hamlets' },
    });
    expect(rowsOf([school({ sixthForm: 'Does not have a sixth form' })])[0]).toMatchObject({ school: { sixthForm: false } });
    const unreadable = rowsOf([school({ openedOn: '31-02-2024' })])[0]!;
    expect(unreadable).toMatchObject({ warnings: ['OpenDate "31-02-2024" is not a date, so it was not used.'] });
    expect(unreadable.kind === 'school' ? unreadable.school.openedOn : 'not a school').toBeUndefined(); // not blank: the register's date stands
  });

  it('reads a blank fact cell as none (null, which clears the register), and a missing fact column as not said (undefined, which keeps it)', () => {
    const [blank] = rowsOf([school({ sixthForm: '', openedOn: '', trust: '', federation: '', religiousCharacter: 'Does not apply', diocese: '', district: '' })]);
    expect(blank).toMatchObject({ kind: 'school', school: { sixthForm: null, openedOn: null, trust: null, federation: null, religiousCharacter: null, diocese: null, district: null } });
    const header = ['URN', 'EstablishmentName', 'TypeOfEstablishment (name)', 'PhaseOfEducation (name)', 'LA (name)', 'EstablishmentStatus (name)', 'Trusts (name)'];
    const { columns } = giasColumns(header);
    const row = readGiasRow(['700001', 'Oakfield Primary School', 'Academy converter', 'Primary', 'Sampleshire', 'Open', ''], columns);
    expect(row.kind).toBe('school');
    if (row.kind !== 'school') return;
    expect(row.school.trust).toBeNull();
    for (const field of ['sixthForm', 'openedOn', 'federation', 'religiousCharacter', 'diocese', 'district'] as const) expect(row.school[field], field).toBeUndefined();
  });

  it('finds columns by their real headers, in any order and case', () => {
    const { columns, missing } = giasColumns(['establishmentname', ' URN ', 'LA (name)', 'TypeOfEstablishment (name)', 'PhaseOfEducation (name)', 'EstablishmentStatus (name)']);
    expect(missing).toEqual([]);
    expect(columns.urn).toBe(1);
    expect(columns.name).toBe(0);
    expect(columns.pupils).toBe(-1);
  });

  it('ignores a byte-order mark, even one read as Windows-1252', () => {
    const rest = ['EstablishmentName', 'LA (name)', 'TypeOfEstablishment (name)', 'PhaseOfEducation (name)', 'EstablishmentStatus (name)'];
    expect(giasColumns(['\uFEFFURN', ...rest]).missing).toEqual([]);
    expect(giasColumns(['ï»¿URN', ...rest]).missing).toEqual([]);
  });

  it('names the missing columns when the file is not a GIAS export', () => {
    const { missing } = giasColumns(['URN', 'Name']);
    expect(missing).toContain('EstablishmentName');
    expect(missingColumnsMessage(missing)).toMatch(/has no "EstablishmentName"/);
  });

  it('leaves blank numbers blank, and says so when a number is unreadable', () => {
    const [blank, odd, withComma] = rowsOf([school({ pupils: '' }), school({ urn: '123457', pupils: 'about 200' }), school({ urn: '123458', pupils: '1,200' })]);
    expect(blank).toMatchObject({ kind: 'school', school: { pupils: null }, warnings: [] });
    expect(odd).toMatchObject({ kind: 'school', school: { pupils: null } });
    expect(odd!.kind === 'school' && odd!.warnings[0]).toMatch(/NumberOfPupils "about 200" is not a whole number/);
    expect(withComma).toMatchObject({ school: { pupils: 1200 } });
  });

  it.each([
    [{ urn: '' }, /URN is blank/],
    [{ urn: '12345' }, /"12345" is not six digits/],
    [{ name: '  ' }, /name is blank/],
    [{ localAuthority: '' }, /local authority/],
    [{ status: 'Mothballed' }, /"Mothballed" is not one GIAS uses/],
    [{ phase: 'Not applicable', type: 'Welsh establishment', statutoryLowAge: '', statutoryHighAge: '' }, /phase of education could not be worked out/],
  ])('reports a row it cannot use (%o)', (over, message) => {
    const [row] = rowsOf([school(over as Partial<GiasSampleSchool>)]);
    expect(row).toMatchObject({ kind: 'problem', message: expect.stringMatching(message) });
  });

  it('keeps closed schools marked closed, and only open ones are added anew', () => {
    const [closed] = rowsOf([school({ status: 'Closed' })]);
    expect(closed).toMatchObject({ kind: 'school', school: { status: 'closed' } });
    expect(shouldAddToRegister(closed!.kind === 'school' ? closed!.school : (null as never))).toBe(false);
    expect(registerStatusFromGias('Open, but proposed to close')).toBe('proposed-to-close');
    expect(registerStatusFromGias('Proposed to open')).toBe('proposed-to-open');
  });
});

describe('phaseFromGias', () => {
  it.each([
    ['Primary', 'Community school', 'primary'],
    ['Secondary', 'Academy converter', 'secondary'],
    ['Nursery', 'Local authority nursery school', 'nursery'],
    ['Middle deemed primary', 'Foundation school', 'middle'],
    ['Middle deemed secondary', 'Community school', 'middle'],
    ['16 plus', 'Further education', 'post-16'],
    ['All-through', 'Free schools', 'all-through'],
    ['Not applicable', 'Community special school', 'special'],
    ['Secondary', 'Academy special converter', 'special'],
    ['Not applicable', 'Non-maintained special school', 'special'],
    ['Not applicable', 'Pupil referral unit', 'alternative-provision'],
    ['Secondary', 'Academy alternative provision converter', 'alternative-provision'],
    ['Not applicable', 'Free schools alternative provision', 'alternative-provision'],
    ['Not applicable', 'Sixth form centres', 'post-16'],
    ['Not applicable', 'Academy 16-19 converter', 'post-16'],
    ['Not applicable', 'Local authority nursery school', 'nursery'],
  ])('%s + %s -> %s', (phase, type, expected) => {
    expect(phaseFromGias(phase, type)).toBe(expected);
  });

  it.each([
    [3, 11, 'primary'],
    [11, 18, 'secondary'],
    [2, 5, 'nursery'],
    [16, 19, 'post-16'],
    [9, 13, 'middle'],
    [3, 18, 'all-through'],
  ])('uses the age range %i-%i for "Not applicable" independent schools -> %s', (low, high, expected) => {
    expect(phaseFromGias('Not applicable', 'Other independent school', low, high)).toBe(expected);
  });
});

describe('encodings', () => {
  it('reads UTF-8 as UTF-8 and anything else as Windows-1252', () => {
    const utf8 = new EncodingSniffer();
    utf8.push(new TextEncoder().encode('St Mary’s, Æthelred'));
    expect(utf8.result()).toBe('utf-8');
    const cp1252 = new EncodingSniffer();
    const bytes = encodeWindows1252('St Mary’s – Café');
    cp1252.push(bytes);
    expect(cp1252.result()).toBe('windows-1252');
    expect(textDecoderFor('windows-1252').decode(bytes)).toBe('St Mary’s – Café');
  });

  it('finds a UTF-8 character split between two pieces valid', () => {
    const bytes = new TextEncoder().encode('’');
    const sniffer = new EncodingSniffer();
    sniffer.push(bytes.slice(0, 1));
    sniffer.push(bytes.slice(1));
    expect(sniffer.result()).toBe('utf-8');
  });
});

describe('sample files', () => {
  it('writes the real header and repeatable, readable rows', () => {
    const text = giasCsv(giasSampleSchools(200, { seed: 7 }));
    const [header, ...rows] = readCsv(text);
    expect(header!.fields).toEqual(GIAS_SAMPLE_HEADER);
    expect(rows).toHaveLength(200);
    const { columns } = giasColumns(header!.fields);
    const results = rows.map((r) => readGiasRow(r.fields, columns));
    expect(results.filter((r) => r.kind === 'problem')).toEqual([]);
    expect(results.some((r) => r.kind === 'school' && r.school.status === 'closed')).toBe(true);
    expect(results.some((r) => r.kind === 'school' && r.school.name.includes(','))).toBe(true);
    expect(giasCsv(giasSampleSchools(200, { seed: 7 }))).toBe(text);
  });
});
