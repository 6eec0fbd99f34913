import { afterEach, describe, expect, it } from 'vitest';
import { PreparedStatements } from '../../../src-main/store/prepared-statements';
import { tempStore } from './temp-store';

let dispose: () => void = () => undefined;
afterEach(() => dispose());

function setup() {
  const t = tempStore();
  dispose = t.dispose;
  return new PreparedStatements(t.store.db);
}

describe('PreparedStatements', () => {
  it('prepares each statement once and hands back the same one after', () => {
    const statements = setup();
    const sql = 'SELECT count(*) AS n FROM folders';
    expect(statements.get(sql)).toBe(statements.get(sql));
    expect(statements.get(sql).get()).toEqual({ n: 0 });
  });

  it('keeps the pluck form apart, so plain callers of the same SQL still get rows', () => {
    const statements = setup();
    const sql = 'SELECT count(*) AS n FROM folders';
    expect(statements.pluck(sql).get()).toBe(0);
    expect(statements.get(sql).get()).toEqual({ n: 0 });
    expect(statements.pluck(sql)).toBe(statements.pluck(sql));
  });
});
