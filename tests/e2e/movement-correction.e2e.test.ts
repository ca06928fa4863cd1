// Correcting and cancelling a movement order end to end: the secretary picks a transfer she entered with a wrong
// class in «Книга движения», is refused moving it to a date before the student's last entries in the old class
// (they are named), corrects the class, then cancels the order; the lists follow and the audit keeps the reasons.
import { describe, expect, it } from 'vitest';
import type { CallContext } from '../../src/core/api/dispatch';
import { browserHarness } from '../helpers/browser';
import { studentWithLatestEntry } from '../helpers/movement';

const today = '2026-11-24';
const ru = (iso: string) => iso.split('-').reverse().join('.');
const dayAfter = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

describe('correcting a movement order in the browser', () => {
  const h = browserHarness(today);

  it(
    'corrects the class of a transfer, refuses a date that would orphan marks, then cancels it',
    { timeout: 240_000 },
    async () => {
      const sql = h.core.db.$client;
      const cls = (grade: number) =>
        (
          sql
            .prepare(
              `select c.id from classes c join school_years y on y.id = c.year_id and y.is_current = 1 where c.grade = ? and c.letter = 'А'`,
            )
            .get(grade) as { id: number }
        ).id;
      const [c5, c6, c7] = [cls(5), cls(6), cls(7)];
      // The 5А student with the latest entry in 5А's journals: moving the order to that day would orphan it.
      const victim = studentWithLatestEntry(sql, c5);
      const date = dayAfter(victim.last);
      // The order as entered, with the wrong class (6А instead of 7А).
      const call: CallContext = { sessionToken: null, client: 'test', setSession: (t) => (call.sessionToken = t) };
      await h.core.dispatch('auth:login', { login: 'secretary', password: 'demo' }, call);
      expect(
        await h.core.dispatch(
          'movement:transfer',
          { studentId: victim.id, toClassId: c6, date, orderNumber: '130-у', orderDate: date },
          call,
        ),
      ).toMatchObject({ ok: true });
      const stays = () =>
        sql
          .prepare(
            'select class_id as c, start_date as s, end_date as e from class_enrollments where student_id = ? order by start_date',
          )
          .all(victim.id);

      await h.logIn('secretary');
      await h.page.getByTestId('nav-movement').click();
      await h.page.getByRole('tab', { name: 'Книга движения' }).click();
      await h.page.getByTestId('correction-order').click();
      await h.page.getByRole('option', { name: new RegExp(`${victim.name}.*№ 130-у`) }).click();
      await h.page.getByTestId('correction-open').click();
      const form = h.page.getByTestId('correction-form');
      await form.getByLabel('Переведён с').fill(victim.last);
      await form.getByLabel('Причина исправления или отмены').fill('в приказе другая дата');
      await h.page.getByTestId('correction-submit').click();
      await expect
        .poll(() => h.page.getByTestId('correction-error').textContent(), { timeout: 20_000 })
        .toContain(`оказались бы вне журналов, где он числится`);
      expect(await h.page.getByTestId('correction-error').textContent()).toContain(ru(victim.last));
      expect(stays()).toEqual([
        { c: c5, s: expect.any(String), e: victim.last },
        { c: c6, s: date, e: null },
      ]);
      await h.page.screenshot({ path: 'test-results/movement-correction-refused.png' });

      await form.getByLabel('Переведён с').fill(date);
      await form.getByLabel('В класс').click();
      await h.page.getByRole('option', { name: '7А', exact: true }).click();
      await form.getByLabel('Причина исправления или отмены').fill('ошибка в классе: по приказу в 7А');
      await h.page.getByTestId('correction-submit').click();
      await expect
        .poll(() => h.page.getByTestId('movement-done').textContent(), { timeout: 20_000 })
        .toContain(`Приказ исправлен: ${victim.name}`);
      expect(await h.page.getByTestId('movement-done').textContent()).toContain(`из 5А в 7А класс с ${ru(date)}`);
      expect(stays()).toEqual([
        { c: c5, s: expect.any(String), e: victim.last },
        { c: c7, s: date, e: null },
      ]);
      await h.page.getByTestId('report-table-0').getByText('7А').first().waitFor();
      await h.page.screenshot({ path: 'test-results/movement-corrected.png', fullPage: true });

      await h.page.getByTestId('correction-order').click();
      await h.page.getByRole('option', { name: new RegExp(`${victim.name}.*№ 130-у`) }).click();
      await h.page.getByTestId('correction-open').click();
      await form.getByLabel('Причина исправления или отмены').fill('приказ отменён директором');
      await h.page.getByTestId('correction-cancel-order').click();
      await expect
        .poll(() => h.page.getByTestId('movement-done').textContent(), { timeout: 20_000 })
        .toContain(`${victim.name} снова в 5А классе`);
      expect(stays()).toEqual([{ c: c5, s: expect.any(String), e: null }]);
      expect(
        sql
          .prepare(`select count(*) as n from student_movements where student_id = ? and order_number = '130-у'`)
          .get(victim.id),
      ).toEqual({ n: 0 });
      expect(
        sql
          .prepare(`select action, reason from audit_log where action like 'movement.c%' and entity_id = ? order by id`)
          .all(String(victim.id)),
      ).toEqual([
        { action: 'movement.correct', reason: 'ошибка в классе: по приказу в 7А' },
        { action: 'movement.cancel', reason: 'приказ отменён директором' },
      ]);
      // The book keeps the cancelled order's line, with the reason; it is no longer offered for correction.
      await expect.poll(() => h.page.getByText('Отменён: приказ отменён директором').count()).toBe(1);
      await h.page.screenshot({ path: 'test-results/movement-cancelled.png', fullPage: true });
      await h.page.getByTestId('correction-order').click();
      expect(await h.page.getByRole('option', { name: new RegExp(`${victim.name}.*№ 130-у`) }).count()).toBe(0);
      await h.page.keyboard.press('Escape');
      // The list of 5А holds him again today.
      await h.page.getByRole('tab', { name: 'Списки классов' }).click();
      await h.page.getByTestId('movement-class').click();
      await h.page.getByRole('option', { name: '5А', exact: true }).click();
      await h.page.getByTestId(`roll-${victim.id}`).waitFor();
    },
  );
});
