const COMMA = 44;
const QUOTE = 34;
const CR = 13;
const LF = 10;

type State = 'field-start' | 'unquoted' | 'quoted' | 'quote-in-quoted' | 'after-cr';

/** One record of a CSV file. `row` counts records from 1 (the header), as a spreadsheet numbers its rows. */
export interface CsvRecord {
  row: number;
  fields: string[];
}

/**
 * An incremental CSV reader: fed text in pieces of any size (a quoted field or a
 * line ending may be split between pieces), it returns each record once its end has
 * been seen, so a 60 MB file never has to be in memory at once.
 *
 * RFC 4180 plus what real exports contain: a byte-order mark at the start, CRLF, LF
 * or lone CR line endings, commas and line breaks inside quoted fields, doubled
 * quotes, and stray text after a closing quote (kept, not refused). Blank lines are
 * skipped but still counted, so row numbers match what a spreadsheet shows.
 */
export class CsvReader {
  private state: State = 'field-start';
  private field = '';
  private fields: string[] = [];
  private row = 0;
  private started = false;
  private kept: boolean[] | null = null;

  /**
   * From now on keep only these columns' text (others read as ''), so a file with a hundred
   * columns of which ten are wanted makes a tenth of the garbage.
   */
  keepOnly(columns: readonly number[]): void {
    this.kept = [];
    for (const column of columns) if (column >= 0) this.kept[column] = true;
  }

  private keeping(): boolean {
    return this.kept === null || this.kept[this.fields.length] === true;
  }

  push(text: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    let s = text;
    if (!this.started && s.length > 0) {
      this.started = true;
      if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
    }
    const n = s.length;
    let i = 0;
    while (i < n) {
      switch (this.state) {
        case 'after-cr':
          if (s.charCodeAt(i) === LF) i++;
          this.state = 'field-start';
          break;
        case 'field-start':
          if (s.charCodeAt(i) === QUOTE) {
            this.state = 'quoted';
            i++;
          } else {
            this.state = 'unquoted';
          }
          break;
        case 'unquoted': {
          let j = i;
          while (j < n) {
            const c = s.charCodeAt(j);
            if (c === COMMA || c === CR || c === LF) break;
            j++;
          }
          if (this.keeping()) this.field += s.slice(i, j);
          if (j < n) this.endField(s.charCodeAt(j), out);
          i = j + 1;
          break;
        }
        case 'quoted': {
          const j = s.indexOf('"', i);
          if (j === -1) {
            if (this.keeping()) this.field += s.slice(i);
            i = n;
          } else {
            if (this.keeping()) this.field += s.slice(i, j);
            this.state = 'quote-in-quoted';
            i = j + 1;
          }
          break;
        }
        case 'quote-in-quoted': {
          const c = s.charCodeAt(i);
          if (c === QUOTE) {
            if (this.keeping()) this.field += '"';
            this.state = 'quoted';
            i++;
          } else if (c === COMMA || c === CR || c === LF) {
            this.endField(c, out);
            i++;
          } else {
            // `"abc"def`: not valid CSV, but the text is kept rather than the row lost.
            this.state = 'unquoted';
          }
          break;
        }
      }
    }
    return out;
  }

  /** The last record, when the file does not end with a line break. */
  end(): CsvRecord[] {
    const out: CsvRecord[] = [];
    if (this.state === 'after-cr' || (this.state === 'field-start' && this.fields.length === 0)) return out;
    this.fields.push(this.field);
    this.field = '';
    this.endRecord(out);
    this.state = 'field-start';
    return out;
  }

  private endField(terminator: number, out: CsvRecord[]): void {
    this.fields.push(this.field);
    this.field = '';
    if (terminator === COMMA) {
      this.state = 'field-start';
      return;
    }
    this.endRecord(out);
    this.state = terminator === CR ? 'after-cr' : 'field-start';
  }

  private endRecord(out: CsvRecord[]): void {
    this.row++;
    const fields = this.fields;
    this.fields = [];
    if (fields.length === 1 && fields[0]!.trim() === '') return;
    out.push({ row: this.row, fields });
  }
}

/** Every record of a whole CSV text (for small files and tests). */
export function readCsv(text: string): CsvRecord[] {
  const reader = new CsvReader();
  return [...reader.push(text), ...reader.end()];
}

/** One CSV field, quoted only when it must be (commas, quotes, line breaks, or edge spaces). */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  // A leading =, +, - or @ would be run as a formula by spreadsheets; a quote mark in front stops that.
  const safe = /^[=+\-@]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text) ? `'${text}` : text;
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One CSV line (without its line break). */
export function csvLine(values: readonly (string | number | boolean | null | undefined)[]): string {
  return values.map(csvField).join(',');
}
