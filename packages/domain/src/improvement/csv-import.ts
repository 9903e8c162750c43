import { type Refusal, refusal } from '../refusal';
import { readCsv } from '../schools/csv-reader';
import type { Indicator } from './types';

export interface CsvSubmissionRow {
  /** The spreadsheet row the figures came from (the header is row 1). */
  row: number;
  /** The school's URN, when the file names schools (the wide format); null in the one-school format. */
  urn: string | null;
  /** Raw values keyed by indicator code, for `validateSubmission` (empty cells are null). */
  values: Record<string, string | null>;
}

export interface CsvSubmissionImport {
  rows: CsvSubmissionRow[];
  /** Problems with the file's shape (unknown columns, missing URN), field `csv` or `csv.row N`. */
  refusals: Refusal[];
}

const norm = (s: string) => s.trim().toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/**
 * Reads the common CSV formats a school or a group sends:
 * - one school: two columns `indicator,value`, one line per indicator (code or name);
 * - many schools: `URN` then one column per indicator (code or name), one line per school.
 * Columns are matched by code or by name, ignoring case and punctuation.
 */
export function mapSubmissionCsv(text: string, indicators: readonly Indicator[]): CsvSubmissionImport {
  const records = readCsv(text);
  const refusals: Refusal[] = [];
  if (records.length === 0) return { rows: [], refusals: [refusal('invalid_value', 'The file is empty.', 'csv')] };
  const byKey = new Map<string, Indicator>();
  for (const ind of indicators) {
    byKey.set(norm(ind.code), ind);
    byKey.set(norm(ind.name), ind);
  }
  const header = records[0]!.fields.map(norm);
  const cell = (v: string | undefined) => (v === undefined || v.trim() === '' ? null : v.trim());

  if (header.length >= 2 && header[0] === 'indicator' && header[1] === 'value') {
    const values: Record<string, string | null> = {};
    for (const rec of records.slice(1)) {
      const ind = byKey.get(norm(rec.fields[0] ?? ''));
      if (!ind) {
        refusals.push(refusal('invalid_value', `Row ${rec.row}: "${rec.fields[0] ?? ''}" is not an indicator of this data set.`, `csv.row ${rec.row}`));
        continue;
      }
      values[ind.code] = cell(rec.fields[1]);
    }
    return { rows: [{ row: 2, urn: null, values }], refusals };
  }

  const urnAt = header.findIndex((h) => h === 'urn');
  if (urnAt < 0) return { rows: [], refusals: [refusal('invalid_value', 'The first line must be either "indicator,value" or start with a URN column followed by one column per indicator.', 'csv')] };
  const columns: (Indicator | null)[] = header.map((h, i) => (i === urnAt ? null : byKey.get(h) ?? null));
  header.forEach((h, i) => {
    if (i !== urnAt && !columns[i] && h !== '' && h !== 'school' && h !== 'school name' && h !== 'name') {
      refusals.push(refusal('invalid_value', `The column "${records[0]!.fields[i]}" is not an indicator of this data set.`, 'csv'));
    }
  });
  const rows: CsvSubmissionRow[] = [];
  for (const rec of records.slice(1)) {
    const urn = (rec.fields[urnAt] ?? '').trim();
    if (!/^\d{6}$/.test(urn)) {
      refusals.push(refusal('invalid_value', `Row ${rec.row}: the URN is six digits.`, `csv.row ${rec.row}`));
      continue;
    }
    const values: Record<string, string | null> = {};
    columns.forEach((ind, i) => {
      if (ind) values[ind.code] = cell(rec.fields[i]);
    });
    rows.push({ row: rec.row, urn, values });
  }
  return { rows, refusals };
}
