import { once } from 'node:events';
import { Readable } from 'node:stream';
import { readCsv, type CsvLimits, type HeaderCheck } from './csv-reader';
import { renderTextsIn, text } from '@talentloop/i18n';

describe('given a spreadsheet export', () => {
  it('reads quoted cells, doubled quotes, CRLF and a byte-order mark', async () =>
    expect(
      await read(['\uFEFFname,note\r\n"de Vries, S.","said ""hi""\non two lines"\r\nJan,\r\n']),
    ).toEqual({
      outcome: 'read',
      header: ['name', 'note'],
      records: [
        { line: 2, cells: ['de Vries, S.', 'said "hi"\non two lines'] },
        { line: 4, cells: ['Jan', ''] },
      ],
    }));

  it('uses ";" when the header does, as Excel does where the comma is a decimal sign', async () =>
    expect(await read(['a;b\n1,5;2'])).toMatchObject({
      header: ['a', 'b'],
      records: [{ line: 2, cells: ['1,5', '2'] }],
    }));

  it('keeps "," when the header has both, whatever the rows hold', async () =>
    expect(await read(['a,"b;c"\n1;2,3'])).toMatchObject({
      header: ['a', 'b;c'],
      records: [{ cells: ['1;2', '3'] }],
    }));

  it('skips blank lines, even of empty cells, but keeps counting them', async () =>
    expect(await read(['\na,b\n\n  \n,\n1,2\n\n'])).toEqual({
      outcome: 'read',
      header: ['a', 'b'],
      records: [{ line: 6, cells: ['1', '2'] }],
    }));

  it('reads LF, CRLF and CR line ends mixed in one file', async () =>
    expect(await read(['a,b\r\n1,2\n3,4\r5,6'])).toMatchObject({
      records: [
        { line: 2, cells: ['1', '2'] },
        { line: 3, cells: ['3', '4'] },
        { line: 4, cells: ['5', '6'] },
      ],
    }));

  it('counts a CRLF inside a quoted cell as one line', async () =>
    expect(await read(['a,b\r\n"x\r\ny",1\r\n2,3\r\n'])).toMatchObject({
      records: [{ line: 2 }, { line: 4, cells: ['2', '3'] }],
    }));

  it('trims the column names but never a cell', async () =>
    expect(await read([' a , b\n 1 ,2'])).toMatchObject({
      header: ['a', 'b'],
      records: [{ cells: [' 1 ', '2'] }],
    }));

  it('keeps a row with more or fewer cells than the header, for it to be named', async () =>
    expect(await read(['a,b\n1,2,3\n1\n'])).toMatchObject({
      records: [
        { line: 2, cells: ['1', '2', '3'] },
        { line: 3, cells: ['1'] },
      ],
    }));

  it('reads an empty file as neither header nor rows', async () =>
    expect(await read([])).toEqual({ outcome: 'read', header: [], records: [] }));
});

describe('given a file that arrives in chunks', () => {
  it('reads a quoted cell, a doubled quote and a CRLF split between chunks as if whole', async () =>
    expect(await read(['\uFEFFa;b\r', '\n"x;"', '"y\n', 'z";1\r', '\n2;3'])).toEqual({
      outcome: 'read',
      header: ['a', 'b'],
      records: [
        { line: 2, cells: ['x;"y\nz', '1'] },
        { line: 4, cells: ['2', '3'] },
      ],
    }));

  it('reads the same records wherever the chunks are cut, even inside a character', async () => {
    const bytes = Buffer.from(SPLIT_TEXT);
    const whole = await read([bytes]);
    expect(whole).toMatchObject({ outcome: 'read', records: [{ line: 3 }, { line: 5 }] });
    for (let cut = 1; cut < bytes.length; cut++)
      expect(await read([bytes.subarray(0, cut), bytes.subarray(cut)])).toEqual(whole);
    expect(await read([...bytes].map((byte) => Buffer.from([byte])))).toEqual(whole);
  });
});

describe('given a header the caller refuses', () => {
  it('refuses the file, naming each problem at the line of the header', async () =>
    expect(
      await read(['\nname,colour\n1,red\n'], {}, (header) =>
        header
          .filter((name) => name !== 'name')
          .map((field) => ({ field, message: text('assessmentInput.columnTwice') })),
      ),
    ).toEqual({
      outcome: 'refused',
      errors: [{ line: 2, field: 'colour', message: 'the column is named twice in the header' }],
    }));
});

describe('given a file past a limit', () => {
  it('refuses a file past its bytes and drains the rest unread', async () => {
    const source = sourceOf(['a,b\n', '1,2\n', '3,4\n', '5,6\n']);
    expect(await readCsv(source, { ...LIMITS, bytes: 6 }, noProblems)).toEqual({
      outcome: 'too-large',
    });
    // A sender whose upload is never read on would wait, and never see the answer.
    if (!source.readableEnded) await once(source, 'end');
  });

  it('takes as many rows as the limit, blank lines aside, and refuses one more', async () => {
    expect(await read(['a\n1\n\n2\n'], { rows: 2 })).toMatchObject({ outcome: 'read' });
    expect(await read(['a\n1\n2\n3\n4\n'], { rows: 2 })).toEqual({ outcome: 'too-many-rows' });
  });

  it('refuses a row longer than its limit, naming its line and column', async () =>
    expect(await read(['a,b\n1,2\n3,', 'x'.repeat(40), '\n5,6\n'], { rowCharacters: 20 })).toEqual(
      refusedAt(3, 'b', 'a row may hold at most 20 characters'),
    ));

  it('names a long cell past the header by its position', async () =>
    expect(await read(['a,b\n1,2,', 'x'.repeat(40)], { rowCharacters: 20 })).toEqual(
      refusedAt(2, 'column 3', 'a row may hold at most 20 characters'),
    ));
});

describe('given a file that is no CSV', () => {
  it('refuses a quoted cell never closed, at the line its row starts', async () =>
    expect(await read(['a,b\n1,2\n3,"four\n5,6\n'])).toEqual(
      refusedAt(3, 'b', 'a quoted cell is not closed before the end of the file'),
    ));

  it.each([
    ['a quote inside an unquoted cell', 'a,b\n1,x"y\n'],
    ['text after a closing quote', 'a,b\n1,"x"y\n'],
  ])('refuses %s, naming its line', async (_case, text) =>
    expect(await read([text])).toEqual(
      refusedAt(
        2,
        'b',
        'a quote may only open and close a whole cell; inside a quoted cell, write a quote as ""',
      ),
    ),
  );
});

describe('given a source that fails', () => {
  it('fails with its error', async () => {
    const broken = new Readable({ read: () => undefined });
    const reading = readCsv(broken, LIMITS, noProblems);
    broken.push('a,b\n1,');
    broken.destroy(new Error('connection reset'));
    await expect(reading).rejects.toThrow('connection reset');
  });
});

const LIMITS: CsvLimits = { bytes: 1024 * 1024, rows: 1000, rowCharacters: 1000 };

/** Quotes, separators, CRLF, a blank line and two-byte characters: every cut is a new case. */
const SPLIT_TEXT =
  '\uFEFFnaam;opmerking\r\n\r\n"Jansen; é";"zei ""hé""\r\nmet enter"\r\nPiet;ü\r\n';

const noProblems: HeaderCheck = () => [];

const sourceOf = (chunks: readonly (string | Buffer)[]) =>
  Readable.from(chunks.map((chunk) => Buffer.from(chunk)));

const read = (
  chunks: readonly (string | Buffer)[],
  limits: Partial<CsvLimits> = {},
  checkHeader: HeaderCheck = noProblems,
) =>
  // What a reader of English reads: messages are catalogue texts.
  readCsv(sourceOf(chunks), { ...LIMITS, ...limits }, checkHeader).then((reading) =>
    renderTextsIn(reading, 'en'),
  );

const refusedAt = (line: number, field: string, message: string) => ({
  outcome: 'refused',
  errors: [{ line, field, message }],
});
