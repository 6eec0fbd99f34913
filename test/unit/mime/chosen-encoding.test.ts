import { describe, expect, it } from 'vitest';
import { chosenEncodingForWords } from '../../../src-main/mime/chosen-encoding';

describe('chosenEncodingForWords', () => {
  it('gives the chosen encoding to words labelled ASCII, Latin-1 or windows-1252, or with a label Wren cannot read', () => {
    const wordCharset = chosenEncodingForWords('gbk', null);
    expect(['us-ascii', 'ISO-8859-1', 'windows-1252', 'x-unknown', ''].map(wordCharset)).toEqual(['gbk', 'gbk', 'gbk', 'gbk', 'gbk']);
  });

  it('gives it to words labelled as the message\'s text was, by what the label means (gb2312 is gbk), and no others', () => {
    const wordCharset = chosenEncodingForWords('big5', 'gb2312');
    expect(['GBK', 'gb2312', 'utf-8', 'shift_jis', 'big5'].map(wordCharset)).toEqual(['big5', 'big5', 'utf-8', 'shift_jis', 'big5']);
  });
});
