import type { contract, Channel, OutputOf, ParsedInputOf } from '../../shared/contract';
import type { ChangeEvent } from '../../shared/live';
import { entryFor } from '../api/dispatch';
import type { Db } from '../db/open';
import { assignmentScope, lessonScope } from './scope';

/** Sessions ended or locked (a logout, a disabled account): open streams check theirs. Never sent to a screen. */
export const sessionsChanged = { domain: 'sessions' } as const;
export type Published = ChangeEvent | typeof sessionsChanged;

type Derive<C extends Channel> = (input: ParsedInputOf<C>, output: OutputOf<C>, db: Db) => readonly Published[];
type Contract = typeof contract;

/**
 * One entry per channel of the contract, so a new channel cannot be forgotten (the compiler and a test say so):
 * what its success changed for other screens, or null when it changes nothing another screen shows.
 */
export type ChangeTable = {
  [D in keyof Contract]: {
    [K in keyof Contract[D]]: Contract[D][K] extends Channel ? Derive<Contract[D][K]> | null : never;
  };
};

const school = () => [{ domain: 'school' }] as const;
const users = () => [{ domain: 'users' }] as const;
const backup = () => [{ domain: 'backup' }] as const;
const everything = () => [{ domain: 'everything' }, sessionsChanged] as const;
const sessions = () => [sessionsChanged] as const;
const marks = ({ lessonId }: { lessonId: number }, _: unknown, db: Db) => {
  const { assignmentId, classId } = lessonScope(db, lessonId);
  return [{ domain: 'marks', classId, assignmentId, lessonId }] as const;
};
const ofLesson = ({ lessonId }: { lessonId: number }, _: unknown, db: Db) => {
  const { assignmentId, classId } = lessonScope(db, lessonId);
  return [{ domain: 'lessons', classId, assignmentId }] as const;
};
/** Lessons given to a substitute or taken back: each journal once, its teacher's and the substitute's days change. */
const ofLessons = (lessonIds: readonly number[], db: Db) => {
  const byJournal = new Map(lessonIds.map((id) => lessonScope(db, id)).map((s) => [s.assignmentId, s]));
  return [...byJournal.values()].map(
    ({ assignmentId, classId }) => ({ domain: 'lessons', classId, assignmentId }) as const,
  );
};
const ofJournal =
  (domain: 'lessons' | 'periodMarks' | 'plans') =>
  ({ assignmentId }: { assignmentId: number }, _: unknown, db: Db) =>
    [{ domain, ...assignmentScope(db, assignmentId) }] as const;

/** A remark's journal: its teacher's «Мой день» and the deputy's lists ask again. */
const remarks = (_: unknown, { assignmentId }: { assignmentId: number }, db: Db) =>
  [{ domain: 'remarks', ...assignmentScope(db, assignmentId) }] as const;

export const changeTable: ChangeTable = {
  auth: { login: null, logout: sessions, changePassword: null, lock: sessions, unlock: null, me: null },
  backup: {
    status: null,
    warning: null,
    addDestination: backup,
    removeDestination: backup,
    setSchedule: backup,
    setRetention: backup,
    createKey: backup,
    chooseUnencrypted: backup,
    run: backup,
    list: null,
    verify: backup,
    restore: everything,
  },
  setup: { status: null, defaults: null, createSchool: everything, createDemo: everything },
  school: { years: null, periods: null },
  journal: {
    assignments: null,
    setMark: marks,
    clearMark: marks,
    setAbsence: ({ lessonId }, _, db) => {
      const { assignmentId, classId, date } = lessonScope(db, lessonId);
      return [{ domain: 'absences', classId, assignmentId, lessonId, date }];
    },
    cellHistory: null,
    setPeriodMark: ofJournal('periodMarks'),
    finals: null,
    grid: null,
  },
  lessons: { update: ofLesson, add: ofJournal('lessons'), move: ofLesson, teachers: null },
  periods: { locks: null, lock: () => [{ domain: 'periodLocks' }], unlock: () => [{ domain: 'periodLocks' }] },
  plans: { get: null, previewImport: null, save: ofJournal('plans'), assign: ofJournal('plans') },
  // Printing writes files, not the journal: nothing another screen shows changes.
  print: {
    classes: null,
    preflight: null,
    classBook: null,
    startSchool: null,
    job: null,
    cancel: null,
    open: null,
    download: null,
  },
  attendance: {
    classes: null,
    week: null,
    confirmWeek: ({ classId, weekStart }) => [{ domain: 'attendance', classId, date: weekStart }],
    setReason: ({ classId, from }) => [{ domain: 'attendance', classId, date: from }],
    schoolDay: null,
  },
  day: { mine: null },
  reports: {
    classes: null,
    progress: null,
    attendanceMonth: null,
    attendanceYear: null,
    summarySheet: null,
    students: null,
    classTeacher: null,
    movement: null,
    fill: null,
    outcomes: null,
    statement: null,
    forecast: null,
    control: null,
    file: null,
    substitutions: null,
  },
  users: {
    list: null,
    create: users,
    // A reset password or a disabled account ends that user's sessions on every computer.
    resetPassword: () => [{ domain: 'users' }, sessionsChanged],
    setActive: () => [{ domain: 'users' }, sessionsChanged],
    unlock: users,
    security: null,
    setSecurity: users,
    rename: users,
    // New roles: the user's sessions end, as after a reset.
    setRoles: () => [{ domain: 'users' }, sessionsChanged],
  },
  network: { get: null, info: null, set: () => [{ domain: 'network' }] },
  audit: { list: null, options: null, export: null, verifyChain: null },
  timetable: { ofClass: null, save: school, generate: school, bells: null, saveBells: school },
  structure: {
    overview: null,
    saveSubject: school,
    deleteSubject: school,
    saveCurriculum: school,
    deleteCurriculum: school,
    saveClass: school,
    deleteClass: school,
    saveAssignment: school,
    deleteAssignment: school,
    saveSubgroup: school,
    deleteSubgroup: school,
    subgroupMembers: null,
    setSubgroupMembers: school,
    saveWorkKind: school,
    deleteWorkKind: school,
    rules: null,
    saveRules: school,
  },
  imports: { inspect: null, preview: null, commit: () => [{ domain: 'school' }, { domain: 'users' }] },
  calendar: { get: null, save: school },
  profile: { get: null, save: school },
  movement: {
    classes: null,
    arrive: school,
    transfer: school,
    changeSubgroup: school,
    leave: school,
    correct: school,
    cancel: school,
    register: null,
    registerFile: null,
  },
  years: { status: null, decide: school, close: school, prepareNext: school },
  substitutions: {
    teachers: null,
    lessons: null,
    list: null,
    record: (_, rows, db) =>
      ofLessons(
        rows.map((r) => r.lessonId),
        db,
      ),
    cancel: (_, { lessonId }, db) => ofLessons([lessonId], db),
  },
  retention: { register: null, markDone: () => [{ domain: 'retention' }] },
  inspection: {
    write: remarks,
    list: null,
    mine: null,
    done: remarks,
    confirm: remarks,
    reopen: remarks,
    saveCheck: () => [{ domain: 'checks' }],
    checks: null,
    check: null,
  },
  // A pupil's name shows on every journal of the class.
  pupils: { classes: null, list: null, save: school },
};

type AnyDerive = (input: unknown, output: unknown, db: Db) => readonly Published[];

/** What a successful call of `channel` changed; throws for a channel the table lacks (its test keeps it whole). */
export function changesOf(channel: string, input: unknown, output: unknown, db: Db): readonly Published[] {
  const derive = entryFor<AnyDerive | null>(changeTable, channel);
  if (derive === undefined) throw new Error(`No change entry for ${channel}`);
  return derive ? derive(input, output, db) : [];
}
