// What each section of the navigation shows: one entry per section, so a section without a screen does not compile.
import type { ReactNode } from 'react';
import type { SessionUser } from '../../../shared/contract';
import { mayAccess } from '../../../shared/roles';
import { AdminScreen } from '../admin/AdminScreen';
import { AttendanceScreen } from '../attendance/AttendanceScreen';
import { AuditScreen } from '../audit/AuditScreen';
import { BackupScreen } from '../backup/BackupScreen';
import { DayScreen } from '../day/DayScreen';
import { HelpScreen } from '../help/HelpScreen';
import { ImportScreen } from '../imports/ImportScreen';
import { JournalScreen } from '../journal/JournalScreen';
import { MovementScreen } from '../movement/MovementScreen';
import { PeriodLocksScreen } from '../periods/PeriodLocksScreen';
import { PrintScreen } from '../print/PrintScreen';
import { PupilsScreen } from '../pupils/PupilsScreen';
import { InspectionScreen } from '../inspection/InspectionScreen';
import { ReportsScreen } from '../reports/ReportsScreen';
import { RetentionScreen } from '../retention/RetentionScreen';
import { SubstitutionsScreen } from '../substitutions/SubstitutionsScreen';
import { YearCloseScreen } from '../years/YearCloseScreen';
import type { SectionId } from './sections';

export const sectionScreens: Record<SectionId, (user: SessionUser) => ReactNode> = {
  day: () => <DayScreen />,
  journal: (user) => <JournalScreen user={user} />,
  attendance: (user) => <AttendanceScreen user={user} />,
  pupils: () => <PupilsScreen />,
  substitutions: () => <SubstitutionsScreen />,
  periods: () => <PeriodLocksScreen />,
  yearclose: (user) => <YearCloseScreen user={user} />,
  reports: (user) => <ReportsScreen mayInspect={mayAccess('journals.inspect', user.roles)} />,
  inspection: () => <InspectionScreen />,
  movement: (user) => <MovementScreen user={user} />,
  imports: (user) => (
    <ImportScreen
      mayImportTeachers={mayAccess('users.manage', user.roles)}
      mayCreateClasses={mayAccess('school.manage', user.roles)}
    />
  ),
  print: (user) => <PrintScreen user={user} />,
  retention: (user) => <RetentionScreen mayMark={mayAccess('print.journal', user.roles)} />,
  backup: () => <BackupScreen />,
  admin: (user) => <AdminScreen user={user} />,
  audit: () => <AuditScreen />,
  help: (user) => <HelpScreen roles={user.roles} />,
};
