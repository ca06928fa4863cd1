import { attendanceContract } from './attendance';
import { authContract } from './auth';
import { backupContract } from './backup';
import { dayContract } from './day';
import { importsContract } from './imports';
import { calendarContract, profileContract } from './calendar';
import { lessonsContract } from './lessons';
import { movementContract } from './movement';
import { yearsContract } from './years';
import { retentionContract } from './retention';
import { substitutionsContract } from './substitutions';
import { pupilsContract } from './pupils';
import { inspectionContract } from './inspection';
import { periodsContract } from './periods';
import { plansContract } from './plans';
import { printContract } from './print';
import { journalContract } from './journal';
import { reportsContract } from './reports';
import { schoolContract } from './school';
import { setupContract } from './setup';
import { structureContract } from './structure';
import { timetableContract } from './timetable';
import { usersContract } from './users';
import { networkContract } from './network';
import { auditContract } from './audit';
import type { Channel } from './define';

export * from './define';
export * from './common';
export * from './auth';
export * from './backup';
export * from './setup';
export * from './school';
export * from './journal';
export * from './lessons';
export * from './periods';
export * from './plans';
export * from './print';
export * from './attendance';
export * from './day';
export * from './reports';
export * from './users';
export * from './network';
export * from './audit';
export * from './timetable';
export * from './structure';
export * from './imports';
export * from './calendar';
export * from './movement';
export * from './years';
export * from './retention';
export * from './substitutions';
export * from './pupils';
export * from './inspection';
export * from './saves';

/** Every call of the application, by domain. Transports and the preload derive their channel lists from this. */
export const contract = {
  auth: authContract,
  backup: backupContract,
  setup: setupContract,
  school: schoolContract,
  journal: journalContract,
  lessons: lessonsContract,
  substitutions: substitutionsContract,
  periods: periodsContract,
  plans: plansContract,
  print: printContract,
  attendance: attendanceContract,
  day: dayContract,
  reports: reportsContract,
  users: usersContract,
  network: networkContract,
  audit: auditContract,
  timetable: timetableContract,
  structure: structureContract,
  imports: importsContract,
  calendar: calendarContract,
  profile: profileContract,
  movement: movementContract,
  years: yearsContract,
  retention: retentionContract,
  pupils: pupilsContract,
  inspection: inspectionContract,
} as const;

export const allChannels: readonly Channel[] = Object.values(contract).flatMap(
  (domain) => Object.values(domain) as Channel[],
);

export const channelNames: readonly string[] = allChannels.map((c) => c.channel);

export function findChannel(name: string): Channel | undefined {
  return allChannels.find((c) => c.channel === name);
}
