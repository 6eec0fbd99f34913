// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { findMatches, MAX_MATCHES } from '../../../src-renderer/components/FindInMessage/find-matches';

function body(html: string): HTMLElement {
  const element = document.createElement('div');
  element.innerHTML = html;
  return element;
}

describe('findMatches (Find in This Message)', () => {
  it('finds every occurrence whatever the case, across the elements a match spans, in reading order', () => {
    const root = body('<p>Hello <b>there</b>, hello again.</p><p>HELLO</p>');
    expect(findMatches(root, 'hello').map((range) => range.toString())).toEqual(['Hello', 'hello', 'HELLO']);
    expect(findMatches(root, 'o th').map((range) => range.toString())).toEqual(['o th']);
  });

  it('finds Chinese, lets a blank in the query match a line break, and reads neither styles nor scripts', () => {
    const root = body('<style>.会议{}</style><pre>明天下午三点开会，\n三楼会议室</pre><script>会议</script>');
    expect(findMatches(root, '会议').map((range) => range.toString())).toEqual(['会议']);
    expect(findMatches(root, '开会， 三楼').map((range) => range.toString())).toEqual(['开会，\n三楼']);
  });

  it('takes the query literally and finds nothing for blanks', () => {
    const root = body('<p>a.b a*b (x)</p>');
    expect(findMatches(root, 'a*b').map((range) => range.toString())).toEqual(['a*b']);
    expect(findMatches(root, '(x)')).toHaveLength(1);
    expect(findMatches(root, '   ')).toEqual([]);
  });

  it('stops at MAX_MATCHES', () => {
    expect(findMatches(body(`<p>${'ab '.repeat(MAX_MATCHES + 10)}</p>`), 'ab')).toHaveLength(MAX_MATCHES);
  });
});
