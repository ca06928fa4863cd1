import { createAttendanceService } from './attendance/service';
import { createAuditService } from './audit/service';
import type { ShellOrigin } from './audit/origin';
import { createAuthService } from './auth/service';
import { createBackupService, detachedBackupEnv, type BackupEnv } from './backup/service';
import type { Clock } from './clock';
import type { Db } from './db/open';
import { createDayService } from './journal/day';
import { createLessonService } from './journal/lessons';
import { createSubstitutionService } from './journal/substitutions';
import { createMovementService } from './movement/service';
import { createYearService } from './years/service';
import { createRetentionService } from './retention/service';
import { createPeriodLockService } from './journal/periodLocks';
import { createPeriodMarkService } from './journal/periodMarks';
import { createPlanService } from './journal/plans/service';
import { createJournalService } from './journal/service';
import { createPrintService, type DesktopFiles, type PrintDeps, type PrintTargets } from './print/service';
import { createReportsService } from './reports/service';
import { createSchoolService } from './school/service';
import { createSetupService } from './school/setup';
import { createUsersService } from './auth/users';
import { createNetworkService } from './school/network';
import type { ServedNetwork } from '../shared/contract/network';
import { createSecuritySettings } from './auth/security';
import { createAuditViewer } from './audit/viewer';
import { createChainCheck } from './audit/chain-check';
import { createStructureService } from './structure/service';
import { createTimetableService } from './timetable/service';
import { createImportService } from './imports/service';
import { createCalendarService } from './school/calendar/service';
import { createProfileService } from './school/profile';
import { createPupilService } from './pupils/service';
import { createInspectionService } from './inspection/service';

/** Every service of the core, wired with explicit dependencies: nothing global, no Electron. */
export interface ServiceOptions {
  db: Db;
  clock: Clock;
  backup?: BackupEnv;
  /** Printing: the PT fonts, the folder printed files go to, and the desktop's viewer and printer. */
  fontsDir?: () => string;
  printDir?: () => string;
  printTo?: PrintTargets;
  desktop?: DesktopFiles;
  /** What the shell serving the school's network listens on and shows other computers (absent: nothing). */
  served?: () => ServedNetwork;
  /** The command line: every audit entry names the command and OS account instead of a user (audit/origin.ts). */
  origin?: ShellOrigin;
  /** The whole school's printing on a worker thread (core/workers/offload.ts). */
  runSchool?: PrintDeps['runSchool'];
}

const missing = (what: string) => () => {
  throw new Error(`${what} не передана в ядро`);
};

export function createServices({
  db,
  clock,
  backup,
  fontsDir,
  printDir,
  printTo,
  desktop,
  origin,
  runSchool,
  served,
}: ServiceOptions) {
  const fonts = fontsDir ?? missing('Папка шрифтов');
  const audit = createAuditService({ db, clock, origin });
  const school = createSchoolService({ db });
  const periodMarks = createPeriodMarkService({ db, clock, audit });
  const users = createUsersService({ db, clock, audit });
  const reports = createReportsService({ db, clock, audit, school, fontsDir: fonts });
  return {
    audit,
    school,
    auth: createAuthService({ db, clock, audit }),
    security: createSecuritySettings({ db, audit }),
    auditViewer: createAuditViewer({ db, clock, school, audit }),
    auditChain: createChainCheck({ db }),
    users,
    imports: createImportService({ db, clock, audit, users, school }),
    calendar: createCalendarService({ db, audit, school }),
    profile: createProfileService({ db, audit }),
    setup: createSetupService({ db, clock, audit, school }),
    journal: createJournalService({ db, clock, audit, school, periodMarks }),
    periodMarks,
    lessons: createLessonService({ db, clock, audit }),
    periodLocks: createPeriodLockService({ db, clock, audit }),
    day: createDayService({ db, clock, school }),
    backup: createBackupService({ db, clock, audit, env: { fontsDir, ...(backup ?? detachedBackupEnv(db)) } }),
    plans: createPlanService({ db, clock, audit }),
    attendance: createAttendanceService({ db, clock, audit, school }),
    print: createPrintService({
      db,
      clock,
      school,
      fontsDir: fonts,
      outputDir: printDir ?? missing('Папка для печати'),
      printTo,
      desktop,
      audit,
      runSchool,
    }),
    reports,
    network: createNetworkService({ db, audit, served }),
    timetable: createTimetableService({ db, clock, audit, school }),
    structure: createStructureService({ db, clock, audit, school }),
    movement: createMovementService({ db, clock, audit, school, fontsDir: fonts }),
    years: createYearService({ db, clock, audit }),
    retention: createRetentionService({ db, clock, audit }),
    substitutions: createSubstitutionService({ db, clock, audit }),
    pupils: createPupilService({ db, clock, audit }),
    inspection: createInspectionService({ db, clock, audit, reports }),
  };
}
export type Services = ReturnType<typeof createServices>;
