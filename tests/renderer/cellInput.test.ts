import { describe, expect, it } from 'vitest';
import { parseCellInput, parsePeriodInput } from '../../src/renderer/src/journal/grid/cellInput';

describe('what a teacher types into a cell', () => {
  it('reads marks, pairs of marks and absence codes', () => {
    expect(parseCellInput('5')).toEqual({ ok: true, entry: { kind: 'mark', value1: '5', value2: null } });
    expect(parseCellInput(' 5/4 ')).toEqual({ ok: true, entry: { kind: 'mark', value1: '5', value2: '4' } });
    expect(parseCellInput('5.4')).toEqual({ ok: true, entry: { kind: 'mark', value1: '5', value2: '4' } });
    for (const code of ['н', 'б', 'у', 'оп'])
      expect(parseCellInput(code)).toEqual({ ok: true, entry: { kind: 'absence', code } });
    expect(parseCellInput('')).toEqual({ ok: true, entry: { kind: 'clear' } });
  });

  it('understands the Russian letters typed on the Latin layout', () => {
    expect(parseCellInput('y')).toEqual({ ok: true, entry: { kind: 'absence', code: 'н' } });
    expect(parseCellInput('jg')).toEqual({ ok: true, entry: { kind: 'absence', code: 'оп' } });
    expect(parseCellInput(',')).toEqual({ ok: true, entry: { kind: 'absence', code: 'б' } });
    expect(parseCellInput('e')).toEqual({ ok: true, entry: { kind: 'absence', code: 'у' } });
    expect(parseCellInput('Y')).toEqual({ ok: true, entry: { kind: 'absence', code: 'н' } });
  });

  it('reads the Latin letters that look like the Russian codes as those codes', () => {
    const look = { n: 'н', b: 'б', u: 'у', op: 'оп', OP: 'оп', oп: 'оп' };
    for (const [typed, code] of Object.entries(look))
      expect(parseCellInput(typed)).toEqual({ ok: true, entry: { kind: 'absence', code } });
  });

  it('says in words what it did not understand, naming what was typed', () => {
    for (const bad of ['7', 'q', 'нн', 'z5']) {
      const r = parseCellInput(bad);
      expect(r).toEqual({ ok: false, message: expect.stringContaining(`«${bad}» — не отметка`) });
    }
  });

  it('refuses «н/а» in a lesson’s cell: it is a period or year mark only', () => {
    for (const typed of ['н/а', 'Н/А', 'y/f'])
      expect(parseCellInput(typed)).toEqual({
        ok: false,
        message: '«н/а» — не текущая отметка: её ставят только за период или год',
      });
  });

  it('refuses anything else with a Russian message', () => {
    for (const bad of ['6', '0', '55', '5/6', 'x', '4+']) {
      const r = parseCellInput(bad);
      expect(r.ok, bad).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/не отметка/);
    }
  });

  it('reads period marks, «зач», «незач», «осв»', () => {
    expect(parsePeriodInput('зач')).toEqual({ ok: true, entry: 'зач' });
    expect(parsePeriodInput('незач')).toEqual({ ok: true, entry: 'незач' });
    expect(parsePeriodInput('4')).toEqual({ ok: true, entry: '4' });
    expect(parsePeriodInput('')).toEqual({ ok: true, entry: null });
    expect(parsePeriodInput('5/4').ok).toBe(false);
  });
});
