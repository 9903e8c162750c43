/** What the settings forms show and post back (shared by the pages and the server code that saves them). */

export interface DetailsValues {
  name: string;
  description: string;
  areas: string;
  legalForm: string;
  contactEmail: string;
  contactPhone: string;
  website: string;
  listed: boolean;
  inNationalAssociation: string;
  brandColour: string;
}

export interface CalendarValues {
  budgetYear: string;
  years: { academicYearStart: number; label: string; halfTerms: { name: string; start: string; end: string }[] }[];
}

export const calendarInputId = (year: number, index: number, edge: 'start' | 'end') => `cal-${year}-${index}-${edge}`;

export interface CategoryValues {
  code: string;
  name: string;
  description: string;
  eligiblePhases: string[];
  eligibleLocalAuthorities: string;
  eligibleTypes: string;
  votingRights: string;
  feesApply: string;
  includes: string;
}

