import { ruDateTime } from '../../shared/dates';
import type { Db } from '../db/open';
import { auditKeyFile, readAuditKey, verifyChain, type ChainReport } from './chain';

export type ChainVerdict = ChainReport & { whole: boolean; summary: string };

const count = (n: number) => n.toLocaleString('ru-RU');

/** The verdict in the words the admin's screen and `zhurnal verify-audit` both print. */
export function describeChain(report: ChainReport, dbFile: string): ChainVerdict {
  const whole = !report.keyMissing && !report.brokenAt;
  let summary: string;
  if (report.keyMissing) {
    summary =
      report.entries === 0
        ? 'Журнал действий пуст: проверять нечего.'
        : `Ключ журнала действий не найден (${auditKeyFile(dbFile)}): на этом компьютере проверить цепочку нельзя. Проверьте на компьютере, где хранится журнал школы.`;
  } else if (report.brokenAt) {
    const { id, at, reason } = report.brokenAt;
    summary = `Журнал действий изменён вне программы: цепочка нарушена на записи № ${id} от ${ruDateTime(at)} (${
      reason === 'unsealed'
        ? 'запись добавлена без подписи'
        : 'запись изменена, или перед ней удалена или вставлена запись'
    }). Записей всего: ${count(report.entries)}. Сообщите директору; восстановите базу из резервной копии, сделанной до этой записи.`;
  } else {
    summary = `Журнал действий цел: проверено записей — ${count(report.entries)}, цепочка не нарушена.${
      report.unsealed > 0 ? ` Первые ${count(report.unsealed)} записей сделаны до включения защиты и не подписаны.` : ''
    }`;
  }
  return { ...report, whole: whole || (report.keyMissing && report.entries === 0), summary };
}

/** Checks the school's own log with the key beside its file. */
export function createChainCheck({ db }: { db: Db }) {
  return {
    verify(): ChainVerdict {
      const file = db.$client.name;
      return describeChain(verifyChain(db.$client, readAuditKey(file)), file);
    },
  };
}
