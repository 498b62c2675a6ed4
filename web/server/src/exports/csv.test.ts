import { csvField, csvLine } from './csv';

describe('CSV formatting', () => {
  it('writes plain text and numbers as they are', () => {
    expect(csvLine(['INV-202610-000001', '2026-10', 'Kim Minji', 30000, -2000, 0])).toBe(
      'INV-202610-000001,2026-10,Kim Minji,30000,-2000,0\r\n',
    );
  });

  it('quotes a field with a comma, a quote or a line break, doubling its quotes', () => {
    expect(csvField('Park, Jiwoo')).toBe('"Park, Jiwoo"');
    expect(csvField('Lee "PJ" Jiwoo')).toBe('"Lee ""PJ"" Jiwoo"');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('carriage\r\nreturn')).toBe('"carriage\r\nreturn"');
    expect(csvField('"')).toBe('""""');
    expect(csvLine(['a,b', 'c"d', 'e\nf'])).toBe('"a,b","c""d","e\nf"\r\n');
  });

  it('keeps spaces at either end by quoting, and empty text as an empty field', () => {
    expect(csvField(' Kim ')).toBe('" Kim "');
    expect(csvField('')).toBe('');
    expect(csvLine(['', 1])).toBe(',1\r\n');
  });

  it('never lets a spreadsheet run a name as a formula', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvField('+82 10')).toBe("'+82 10");
    expect(csvField('-minus')).toBe("'-minus");
    expect(csvField('@sum')).toBe("'@sum");
    expect(csvField(-2000)).toBe('-2000');
  });

  it('round-trips through a strict reader', () => {
    const values = ['Park, "PJ"\nJiwoo', 'plain', ' padded ', ''];
    expect(parseCsvLine(csvLine(values))).toEqual(values);
  });
});

/** A strict RFC 4180 reader of one record (test-only), to show the writer's output reads back. */
function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let at = 0; at < line.length; at++) {
    const c = line[at];
    if (quoted && c === '"' && line[at + 1] === '"') {
      field += '"';
      at++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && (c === ',' || c === '\r')) {
      fields.push(field);
      field = '';
      if (c === '\r') return fields;
    } else {
      field += c;
    }
  }
  throw new Error('a record ends with CRLF');
}
