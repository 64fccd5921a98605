// A strict RFC 4180 reader for the CSV tests: CRLF records, quoted fields with doubled quotes.
// It throws on anything the RFC does not allow, so a sloppy writer cannot pass by accident.
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const endField = (value: string): void => {
    row.push(value);
    if (text[i] === ',') i++;
    else if (text.startsWith('\r\n', i)) {
      i += 2;
      rows.push(row);
      row = [];
    } else if (i < text.length) throw new Error(`unexpected ${JSON.stringify(text[i])} at ${i}`);
  };
  while (i < text.length) {
    if (text[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"' && text[i + 1] === '"') {
          value += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else value += text[i++];
      }
      endField(value);
    } else {
      const start = i;
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        if (text[i] === '"' || text[i] === '\n') throw new Error(`bare ${JSON.stringify(text[i])} at ${i}`);
        i++;
      }
      endField(text.slice(start, i));
    }
  }
  if (row.length > 0) throw new Error('the last record does not end with CRLF');
  return rows;
}
