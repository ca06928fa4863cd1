import type { Services } from '../../services';
import type { Handlers } from '../dispatch';
import { attendanceHandlers } from './attendance';
import { authHandlers } from './auth';
import { backupHandlers } from './backup';
import { dayHandlers } from './day';
import { importsHandlers } from './imports';
import { calendarHandlers, profileHandlers } from './calendar';
import { lessonsHandlers } from './lessons';
import { movementHandlers } from './movement';
import { yearsHandlers } from './years';
import { retentionHandlers } from './retention';
import { substitutionsHandlers } from './substitutions';
import { pupilsHandlers } from './pupils';
import { inspectionHandlers } from './inspection';
import { periodsHandlers } from './periods';
import { plansHandlers } from './plans';
import { printHandlers } from './print';
import { journalHandlers } from './journal';
import { reportsHandlers } from './reports';
import { schoolHandlers } from './school';
import { setupHandlers } from './setup';
import { structureHandlers } from './structure';
import { timetableHandlers } from './timetable';
import { usersHandlers } from './users';
import { networkHandlers } from './network';
import { auditHandlers } from './audit';

/**
 * Maps each channel of the contract to its service call, one file per domain. Handlers hold no logic and
 * touch no database: they pass the checked input and the actor to a service.
 */
export function createHandlers(s: Services): Handlers {
  return {
    auth: authHandlers(s),
    backup: backupHandlers(s),
    setup: setupHandlers(s),
    school: schoolHandlers(s),
    journal: journalHandlers(s),
    lessons: lessonsHandlers(s),
    substitutions: substitutionsHandlers(s),
    periods: periodsHandlers(s),
    plans: plansHandlers(s),
    print: printHandlers(s),
    attendance: attendanceHandlers(s),
    day: dayHandlers(s),
    reports: reportsHandlers(s),
    users: usersHandlers(s),
    network: networkHandlers(s),
    audit: auditHandlers(s),
    timetable: timetableHandlers(s),
    structure: structureHandlers(s),
    imports: importsHandlers(s),
    calendar: calendarHandlers(s),
    profile: profileHandlers(s),
    movement: movementHandlers(s),
    years: yearsHandlers(s),
    retention: retentionHandlers(s),
    pupils: pupilsHandlers(s),
    inspection: inspectionHandlers(s),
  };
}
