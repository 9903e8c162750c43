import { csvLine } from '../schools/csv-reader';

/** What one school took part in and gave in a year. */
export interface SchoolParticipation {
  schoolId: string;
  urn: string;
  schoolName: string;
  meetingsAttended: number;
  reviewsLed: number;
  reviewsReceived: number;
  supportGiven: number;
  supportReceived: number;
  cpdPlaces: number;
  dataRoundsSubmitted: number;
}

export interface ParticipationPicture {
  schools: number;
  totals: Omit<SchoolParticipation, 'schoolId' | 'urn' | 'schoolName'>;
  /** Schools that took part in nothing recorded this year. */
  notTakingPart: string[];
  /** Schools that gave support to others. */
  givingSupport: number;
}

const KEYS = ['meetingsAttended', 'reviewsLed', 'reviewsReceived', 'supportGiven', 'supportReceived', 'cpdPlaces', 'dataRoundsSubmitted'] as const;

export function participationPicture(rows: readonly SchoolParticipation[]): ParticipationPicture {
  const totals = Object.fromEntries(KEYS.map((k) => [k, rows.reduce((a, r) => a + r[k], 0)])) as ParticipationPicture['totals'];
  return {
    schools: rows.length,
    totals,
    notTakingPart: rows.filter((r) => KEYS.every((k) => r[k] === 0)).map((r) => r.schoolName),
    givingSupport: rows.filter((r) => r.supportGiven > 0).length,
  };
}

export function participationCsv(rows: readonly SchoolParticipation[]): string {
  const header = ['URN', 'School', 'Meetings attended', 'Reviews led', 'Reviews received', 'Support given', 'Support received', 'CPD places', 'Data rounds submitted'];
  return `${[csvLine(header), ...rows.map((r) => csvLine([r.urn, r.schoolName, ...KEYS.map((k) => r[k])]))].join('\r\n')}\r\n`;
}
