import { describe, expect, it } from 'vitest';
import { CsvReader, csvField, csvLine, readCsv } from './csv-reader';

const fieldsOf = (text: string) => readCsv(text).map((r) => r.fields);

describe('CsvReader', () => {
  it('reads plain rows with CRLF, LF and lone CR line endings', () => {
    expect(fieldsOf('a,b\r\n1,2\r\n')).toEqual([['a', 'b'], ['1', '2']]);
    expect(fieldsOf('a,b\n1,2\n')).toEqual([['a', 'b'], ['1', '2']]);
    expect(fieldsOf('a,b\r1,2')).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('drops a byte-order mark at the start of the file', () => {
    expect(fieldsOf('\uFEFFURN,Name\n100000,A')[0]).toEqual(['URN', 'Name']);
  });

  it('keeps commas, doubled quotes and line breaks inside quoted fields', () => {
    expect(fieldsOf('"Oakfield School, Ilford","He said ""hello""","line one\r\nline two",x\n')).toEqual([
      ['Oakfield School, Ilford', 'He said "hello"', 'line one\r\nline two', 'x'],
    ]);
  });

  it('keeps blank fields, including a trailing one', () => {
    expect(fieldsOf('a,,c,\n')).toEqual([['a', '', 'c', '']]);
  });

  it('skips blank lines but counts them, so row numbers match a spreadsheet', () => {
    const records = readCsv('h1,h2\n\n1,2\n"multi\nline",3\n4,5');
    expect(records.map((r) => [r.row, r.fields[0]])).toEqual([
      [1, 'h1'],
      [3, '1'],
      [4, 'multi\nline'],
      [5, '4'],
    ]);
  });

  it('keeps text that follows a closing quote rather than losing the row', () => {
    expect(fieldsOf('"abc"def,g\n')).toEqual([['abcdef', 'g']]);
  });

  it('gives the same records however the text is split into pieces', () => {
    const text = '\uFEFFURN,Name,Notes\r\n100001,"St Mary’s, Ilford","a ""quoted""\r\nnote"\r\n100002,Plain,\r\n\r\n100003,"end"';
    const whole = readCsv(text);
    for (let size = 1; size <= 7; size++) {
      const reader = new CsvReader();
      const records = [];
      for (let i = 0; i < text.length; i += size) records.push(...reader.push(text.slice(i, i + size)));
      records.push(...reader.end());
      expect(records, `pieces of ${size}`).toEqual(whole);
    }
    expect(whole).toHaveLength(4);
  });

  it('can keep only the columns wanted, reading the others as blank', () => {
    const reader = new CsvReader();
    const [header] = reader.push('a,b,c\n');
    expect(header!.fields).toEqual(['a', 'b', 'c']);
    reader.keepOnly([0, 2]);
    expect([...reader.push('1,"two, ""quoted""",3\n4,5'), ...reader.end()].map((r) => r.fields)).toEqual([
      ['1', '', '3'],
      ['4', ''],
    ]);
  });
});

describe('csvField', () => {
  it('quotes only when it must, and round-trips', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField(null)).toBe('');
    expect(csvField(42)).toBe('42');
    const values = ['x', 'y, z', 'q "w"', 'multi\nline', ''];
    expect(readCsv(csvLine(values))[0]!.fields).toEqual(values);
  });

  it('stops spreadsheets running a value as a formula', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('-12')).toBe('-12');
  });
});
