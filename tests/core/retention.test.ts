import { describe, expect, it } from 'vitest';
import { retentionItems } from '../../src/core/retention/rules';
import { contract } from '../../src/shared/contract';
import { schoolFixture } from '../helpers/school';

const year = { id: 1, name: '2025/2026', endDate: '2026-05-31' };
const state = (today: string, done = new Map<string, string>()) =>
  Object.fromEntries(retentionItems([year], done, today).map((i) => [i.kind, [i.dueDate, i.state]]));

describe('the retention register', () => {
  it('counts journals 5 and summary sheets 25 years from 1 January after the year, the archive handover by 1 July', () => {
    expect(state('2026-05-31')).toEqual({});
    expect(state('2026-06-10')).toEqual({
      handover: ['2026-07-01', 'soon'],
      journals: ['2032-01-01', 'keep'],
      summary: ['2052-01-01', 'keep'],
    });
    expect(state('2026-07-01')).toMatchObject({ handover: ['2026-07-01', 'due'] });
    expect(state('2031-11-05')).toMatchObject({ journals: ['2032-01-01', 'soon'] });
    expect(state('2032-01-01', new Map([['1.handover', 'акт № 3 от 20.06.2026']]))).toEqual({
      handover: ['2026-07-01', 'done'],
      journals: ['2032-01-01', 'due'],
      summary: ['2052-01-01', 'keep'],
    });
  });

  describe('through the contract', () => {
    const {
      callers: { secretary, deputy },
    } = schoolFixture({
      school: 'tiny',
      now: '2026-06-10T10:00:00',
      accounts: { secretary: 'secretary' },
      as: { secretary: 'secretary', deputy: 'zavuch' },
    });

    it('reminds the secretary of what is due and keeps the act she records', async () => {
      const r = await secretary.value(contract.retention.register, {});
      expect(r).toMatchObject({ due: 1 });
      const item = r.items.find((i) => i.kind === 'handover');
      expect(item).toMatchObject({ yearName: '2025/2026', state: 'soon', dueDate: '2026-07-01' });
      expect(
        await secretary.send(contract.retention.markDone, { yearId: item!.yearId, kind: 'handover', note: '' }),
      ).toMatchObject({ ok: false, error: { kind: 'validation' } });
      expect(
        await deputy.send(contract.retention.markDone, { yearId: item!.yearId, kind: 'handover', note: 'акт № 3' }),
      ).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
      expect(
        await secretary.send(contract.retention.markDone, {
          yearId: item!.yearId,
          kind: 'handover',
          note: 'акт № 3 от 20.06.2026',
        }),
      ).toMatchObject({ ok: true, value: { due: 0 } });
      expect(
        await secretary.send(contract.retention.markDone, { yearId: item!.yearId, kind: 'handover', note: 'акт № 4' }),
      ).toMatchObject({ ok: false, error: { kind: 'conflict' } });
      const again = await secretary.value(contract.retention.register, {});
      expect(again.items.find((i) => i.kind === 'handover')).toMatchObject({
        state: 'done',
        doneNote: 'акт № 3 от 20.06.2026',
      });
    });
  });
});
