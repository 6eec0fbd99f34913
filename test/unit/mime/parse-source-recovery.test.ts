import { describe, expect, it } from 'vitest';
import { codedWarning } from '../../../src-main/errors/warning-codes';
import { parseSource as codedParse } from '../../../src-main/mime/parse-source';
import { inEnglish } from './english-warnings';

const parseSource = async (...args: Parameters<typeof codedParse>) => inEnglish(await codedParse(...args));

const crlf = (lines: string[]) => Buffer.from(lines.map((line) => `${line}\r\n`).join(''), 'utf8');
const head = ['From: a@example.test', 'Subject: recovery', 'Date: Mon, 02 Jun 2025 09:30:00 +0000', 'MIME-Version: 1.0'];

/** text + HTML alternative inside mixed, with a PDF: the shape most real mail has. */
function multipart(declared: string, delimiter: (closing: boolean) => string): Buffer {
  return crlf([
    ...head, `Content-Type: multipart/alternative; boundary="${declared}"`, '',
    'This is a multi-part message in MIME format.',
    delimiter(false), 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: quoted-printable', '',
    'Caf=C3=A9 at nine, the text part.',
    delimiter(false), 'Content-Type: text/html; charset=utf-8', '',
    '<p>Café at nine, the HTML part.</p>',
    delimiter(true),
  ]);
}

describe('parseSource when no delimiter line matches the declared boundary', () => {
  const boundary = '----=_Part_1234_5678.1717320600000';
  const cases: Array<[string, string, (closing: boolean) => string]> = [
    ['a byte of the boundary changed', boundary, (c) => `--${boundary.replace('5678', '5X78')}${c ? '--' : ''}`],
    ['the declared boundary mutated', boundary.replace('1234', '1235'), (c) => `--${boundary}${c ? '--' : ''}`],
    ['delimiters truncated', boundary, (c) => `--${boundary.slice(0, 20)}${c ? '--' : ''}`],
    ['delimiters in another case', 'AbCdEf0123456789', (c) => `--abcdef0123456789${c ? '--' : ''}`],
    ['delimiters missing their leading dashes', 'simple-boundary-42', (c) => `simple-boundary-42${c ? '--' : ''}`],
    ['delimiters unrelated to the declared boundary', 'declared-but-never-used', (c) => `--zzz_actual_zzz${c ? '--' : ''}`],
  ];

  it.each(cases)('%s: shows the text and the HTML, with a warning', async (_name, declared, delimiter) => {
    const parsed = await parseSource(multipart(declared, delimiter));
    expect(parsed.text).toBe('Café at nine, the text part.');
    expect(parsed.html).toContain('<p>Café at nine, the HTML part.</p>');
    expect(parsed.warnings).toContain(codedWarning('BoundaryRecovered'));
    expect(parsed.warnings.join()).not.toContain('never closed');
  });

  it('shows the body as text when it has no delimiter line at all', async () => {
    const parsed = await parseSource(crlf([...head, 'Content-Type: multipart/mixed; boundary="gone"', '', 'Only words here,', 'no parts at all.']));
    expect(parsed.text).toBe('Only words here,\nno parts at all.\n');
    expect(parsed.warnings).toContain(codedWarning('BodyShownAsText'));
  });

  it('recovers an inner multipart and keeps the outer parts that did split', async () => {
    const parsed = await parseSource(crlf([
      ...head, 'Content-Type: multipart/mixed; boundary="outer"', '',
      '--outer', 'Content-Type: multipart/alternative; boundary="inner"', '',
      '--INNER', 'Content-Type: text/plain', '', 'inner text', '--INNER--',
      '--outer', 'Content-Type: application/pdf; name="a.pdf"', 'Content-Disposition: attachment; filename="a.pdf"', '', '%PDF-1.4',
      '--outer--',
    ]));
    expect(parsed.text).toBe('inner text');
    expect(parsed.attachments.map((a) => a.filename)).toEqual(['a.pdf']);
    expect(parsed.warnings).toContain(codedWarning('BoundaryRecovered'));
  });

  it('leaves a well-formed message alone', async () => {
    const parsed = await parseSource(multipart('ok-boundary', (c) => `--ok-boundary${c ? '--' : ''}`));
    expect(parsed.text).toBe('Café at nine, the text part.');
    expect(parsed.warnings).toEqual([]);
  });
});

describe('parseSource past the splitter\'s usual limits', () => {
  it('reads a message whose header block is over 1 MB', async () => {
    const received = Array.from({ length: 12_000 }, (_, i) => `Received: from relay${i}.example.test by mx.example.test; Mon, 02 Jun 2025 09:30:00 +0000`);
    const parsed = await parseSource(crlf([...received, ...head, 'Content-Type: text/plain', '', 'Text under a huge header.']));
    expect(parsed.subject).toBe('recovery');
    expect(parsed.text).toBe('Text under a huge header.\n');
    expect(parsed.warnings).toContain(codedWarning('HugeHeader'));
  });

  it('reads a message with more than 1,000 parts, text first', async () => {
    const parts = Array.from({ length: 1100 }, (_, i) => ['--b', 'Content-Type: application/octet-stream', '', `x${i}`]).flat();
    const raw = crlf([...head, 'Content-Type: multipart/mixed; boundary="b"', '', '--b', 'Content-Type: text/plain', '', 'The text comes first.', ...parts, '--b--']);
    const parsed = await parseSource(raw, { onAttachment: async (_meta, content) => void (await content.toArray()) });
    expect(parsed.text).toBe('The text comes first.');
    expect(parsed.attachments).toHaveLength(1100);
    expect(parsed.warnings).toContain(codedWarning('ManyParts'));
  }, 30_000);

  it('shows the text parts found before a parse that stops', async () => {
    const parts = Array.from({ length: 50_100 }, () => '--b\r\nContent-Type: application/octet-stream\r\n\r\nx\r\n').join('');
    const raw = Buffer.concat([
      crlf([...head, 'Content-Type: multipart/mixed; boundary="b"', '', '--b', 'Content-Type: text/plain', '', 'Found before the limit.']),
      Buffer.from(parts), Buffer.from('--b--\r\n'),
    ]);
    const parsed = await parseSource(raw);
    expect(parsed.text).toBe('Found before the limit.');
    expect(parsed.warnings).toContain('could not parse the rest of the message (Max allowed child nodes exceeded)');
  }, 60_000);
});
