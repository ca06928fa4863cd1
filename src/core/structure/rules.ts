// The school's rules as one form: the marks scale and which period marks are allowed, weights and
// rounding, the deadlines for entries and for control-work marks.
import type { SchoolRules } from '../../shared/contract/structure';
import type { Db } from '../db/open';
import { readSetting, writeSetting } from '../school/settings';
import { writeTransaction } from '../db/write';

export function readRules(db: Db): SchoolRules {
  return {
    scale: readSetting(db, 'marks.scale'),
    useWeights: readSetting(db, 'marks.useWeights'),
    rounding: readSetting(db, 'marks.rounding'),
    allowExempt: readSetting(db, 'marks.allowExempt'),
    allowPassFail: readSetting(db, 'marks.allowPassFail'),
    controlMarksDays: readSetting(db, 'journal.controlMarksDays'),
    minMarksPerPeriod: readSetting(db, 'journal.minMarksPerPeriod'),
    entryDeadline: readSetting(db, 'journal.entryDeadline'),
  };
}

export function writeRules(db: Db, r: SchoolRules): void {
  writeTransaction(db, () => {
    const t = db;
    writeSetting(t, 'marks.scale', r.scale);
    writeSetting(t, 'marks.useWeights', r.useWeights);
    writeSetting(t, 'marks.rounding', r.rounding);
    writeSetting(t, 'marks.allowExempt', r.allowExempt);
    writeSetting(t, 'marks.allowPassFail', r.allowPassFail);
    writeSetting(t, 'journal.controlMarksDays', r.controlMarksDays);
    writeSetting(t, 'journal.minMarksPerPeriod', r.minMarksPerPeriod);
    writeSetting(t, 'journal.entryDeadline', r.entryDeadline);
  });
}
