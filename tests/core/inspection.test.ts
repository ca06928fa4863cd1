// The deputy's remarks and saved journal checks on the hand-built school (tests/helpers/tiny-school.ts). Today is
// 2 September 2025; klruk keeps 5А Russian, math 5А maths.
import { describe, expect, it } from 'vitest';
import { contract } from '../../src/shared/contract';
import { actionsSince, lastAuditId } from '../helpers/audit';
import { pdfPages } from '../helpers/pdf';
import { schoolFixture } from '../helpers/school';
import path from 'node:path';
import { tempDir } from '../helpers/temp';

const printDir = path.join(tempDir('zhurnal-remarks-'), 'out');

describe('remarks on journals and saved checks', () => {
  const {
    sql,
    tiny: t,
    callers: { deputy, klruk, math, secretary },
  } = schoolFixture({
    school: 'tiny',
    now: '2025-09-02T10:00:00',
    accounts: { secretary: 'secretary' },
    core: { printDir: () => printDir },
    as: { deputy: 'zavuch', klruk: 'klruk', math: 'math', secretary: 'secretary' },
  });
  const refused = (kind: string) => ({ ok: false, error: { kind } });

  it('the deputy writes a remark; the teacher marks it done; the deputy confirms or reopens it', async () => {
    const before = lastAuditId(sql);
    const remark = await deputy.value(contract.inspection.write, {
      assignmentId: t.assignments.rus5,
      text: 'Не записаны темы уроков 1–3 сентября',
      fixBy: '2025-09-09',
    });
    expect(remark).toMatchObject({
      className: '5А',
      subjectName: 'Русский язык',
      teacherName: 'Классова А. П.',
      authorName: 'Завучева А. П.',
      date: '2025-09-02',
      fixBy: '2025-09-09',
      status: 'open',
      overdue: false,
    });
    // klruk sees it in «Мой день»; math, who keeps another journal of 5А, does not.
    expect((await klruk.value(contract.inspection.mine, {})).map((r) => r.id)).toEqual([remark.id]);
    expect(await math.value(contract.inspection.mine, {})).toEqual([]);
    expect(await math.send(contract.inspection.done, { id: remark.id })).toMatchObject(refused('forbidden'));

    const done = await klruk.value(contract.inspection.done, { id: remark.id, response: 'Темы записаны' });
    expect(done).toMatchObject({ status: 'done', response: 'Темы записаны' });
    expect(await klruk.send(contract.inspection.done, { id: remark.id })).toMatchObject(refused('conflict'));

    const reopened = await deputy.value(contract.inspection.reopen, { id: remark.id, reason: 'нет темы 3 сентября' });
    expect(reopened).toMatchObject({ status: 'open', response: 'Не исправлено: нет темы 3 сентября' });
    await klruk.value(contract.inspection.done, { id: remark.id, response: 'Тема 3 сентября записана' });
    expect(await deputy.value(contract.inspection.confirm, { id: remark.id })).toMatchObject({ status: 'confirmed' });
    // Confirmed: off klruk's day, still on the deputy's list.
    expect(await klruk.value(contract.inspection.mine, {})).toEqual([]);
    expect((await deputy.value(contract.inspection.list, { status: 'confirmed' })).map((r) => r.id)).toEqual([
      remark.id,
    ]);
    expect(actionsSince(sql, before)).toEqual([
      'remark.write',
      'access.refused', // math's try on klruk's remark
      'remark.done',
      'remark.reopen',
      'remark.done',
      'remark.confirm',
    ]);
  });

  it('refuses what makes no sense, in Russian, and changes nothing', async () => {
    const count = () => sql.prepare('select count(*) from inspection_remarks').pluck().get();
    const before = count();
    const past = await deputy.send(contract.inspection.write, {
      assignmentId: t.assignments.mat5,
      text: 'Нет домашнего задания',
      fixBy: '2025-09-01',
    });
    expect(past).toMatchObject(refused('validation'));
    if (!past.ok)
      expect(past.error.message).toBe('Срок исправления 01.09.2025 уже прошёл: укажите дату не раньше сегодняшней');
    const short = await deputy.send(contract.inspection.write, {
      assignmentId: t.assignments.mat5,
      text: 'Нет',
      fixBy: '2025-09-05',
    });
    expect(short).toMatchObject(refused('validation'));
    if (!short.ok) expect(short.error.message).toContain('Напишите замечание: не короче 5 символов');
    // Only the deputy inspects: a teacher and the secretary may not write remarks.
    for (const who of [klruk, secretary])
      expect(
        await who.send(contract.inspection.write, {
          assignmentId: t.assignments.mat5,
          text: 'Замечание',
          fixBy: '2025-09-05',
        }),
      ).toMatchObject(refused('forbidden'));
    expect(count()).toBe(before);
    const open = await deputy.value(contract.inspection.write, {
      assignmentId: t.assignments.mat5,
      text: 'Нет домашнего задания',
      fixBy: '2025-09-02',
    });
    expect(await deputy.send(contract.inspection.confirm, { id: open.id })).toMatchObject(refused('validation'));
  });

  it('an open remark past its date is overdue on the teacher’s day', async () => {
    sql
      .prepare(
        `insert into inspection_remarks (class_id, assignment_id, date, author_id, text, fix_by) values (?, ?, '2025-08-25', ?, 'Старое замечание', '2025-09-01')`,
      )
      .run(t.classes.c5, t.assignments.mat5, t.users.deputy);
    const mine = await math.value(contract.inspection.mine, {});
    // The nearest date first: the overdue one, then the one due today.
    expect(mine.map((r) => [r.text, r.overdue])).toEqual([
      ['Старое замечание', true],
      ['Нет домашнего задания', false],
    ]);
  });

  it('saves the control report as a dated check, lists it and shows it as it was', async () => {
    const range = { from: '2025-09-01', to: '2025-09-30' };
    const report = await deputy.value(contract.reports.control, range);
    const saved = await deputy.value(contract.inspection.saveCheck, range);
    expect(saved).toMatchObject({
      date: '2025-09-02',
      ...range,
      className: null,
      checkedBy: 'Завучева А. П.',
      findings: report.data.problems.length + report.data.problemsCut,
      remarks: 0,
    });
    expect(saved.findings).toBeGreaterThan(0);
    const remark = await deputy.value(contract.inspection.write, {
      assignmentId: t.assignments.pe5,
      text: 'Проверить отметки «зач»',
      fixBy: '2025-09-12',
      checkId: saved.id,
    });
    expect(remark.checkId).toBe(saved.id);
    expect(await deputy.value(contract.inspection.checks, {})).toEqual([{ ...saved, remarks: 1 }]);
    const shown = await deputy.value(contract.inspection.check, { id: saved.id });
    expect(shown.tables).toEqual(report.tables);
    expect(shown.title).toBe(report.title);
    expect(await klruk.send(contract.inspection.checks, {})).toMatchObject(refused('forbidden'));
  });

  it('the printed book’s remarks page prints them with their dates and what became of them', async () => {
    const book = await secretary.value(contract.print.classBook, { classId: t.classes.c5 });
    const page = pdfPages(book.file)
      .filter((p) => p.includes('Замечания по ведению журнала') && p.includes('Кто проверял'))
      .join('\n')
      .replace(/\s+/g, ' ');
    for (const text of [
      'Не записаны темы уроков 1–3 сентября',
      '(исправить до', // the layout text wraps the cell: the date follows on the next line
      '09.09.2025)',
      'Старое замечание (исправить до 01.09.2025)',
      'Завучева А. П.',
      'Тема 3 сентября записана',
      'подтверждено 02.09.2025',
      'Старое замечание',
    ])
      expect(page).toContain(text);
  });
});
