// Reading the deputy's remarks: one row shape for the deputy's lists, the teacher's «Мой день» and the services.
import type { RemarkRow, RemarkStatus } from '../../shared/contract/inspection';
import type { Db } from '../db/open';

/** «Фамилия И. О.», as shortName writes it, in SQL. */
const short = (u: string) =>
  `${u}.last_name || ' ' || substr(${u}.first_name, 1, 1) || '.' || coalesce(' ' || substr(${u}.middle_name, 1, 1) || '.', '')`;

const statusSql = `case when r.resolved_at is not null then 'confirmed' when r.done_at is not null then 'done' else 'open' end`;

export interface RemarkFilter {
  id?: number;
  assignmentId?: number;
  checkId?: number;
  status?: RemarkStatus;
  /** The journals this teacher keeps, remarks not yet confirmed. */
  teacherId?: number;
}

type Raw = Omit<RemarkRow, 'overdue'>;

/** The remarks matching the filter, newest first (a teacher's: the nearest fix-by date first). */
export function remarkRows(db: Db, filter: RemarkFilter, today: string): RemarkRow[] {
  const where: string[] = ['r.assignment_id is not null'];
  const args: (number | string)[] = [];
  const add = (clause: string, arg: number | string | undefined) => {
    if (arg === undefined) return;
    where.push(clause);
    args.push(arg);
  };
  add('r.id = ?', filter.id);
  add('r.assignment_id = ?', filter.assignmentId);
  add('r.check_id = ?', filter.checkId);
  add(`${statusSql} = ?`, filter.status);
  add('a.teacher_id = ? and r.resolved_at is null', filter.teacherId);
  const rows = db.$client
    .prepare(
      `select r.id, r.assignment_id as assignmentId, c.grade || c.letter as className,
              sb.name || coalesce(' (' || g.name || ')', '') as subjectName, ${short('ut')} as teacherName,
              r.date, r.text, r.fix_by as fixBy, ${short('ua')} as authorName, ${statusSql} as status,
              r.response, r.done_at as doneAt, r.resolved_at as confirmedAt, r.check_id as checkId
       from inspection_remarks r join assignments a on a.id = r.assignment_id join classes c on c.id = a.class_id
       join subjects sb on sb.id = a.subject_id left join subgroups g on g.id = a.subgroup_id
       join users ut on ut.id = a.teacher_id join users ua on ua.id = r.author_id
       where ${where.join(' and ')}
       order by ${filter.teacherId !== undefined ? 'coalesce(r.fix_by, r.date), r.id' : 'r.date desc, r.id desc'}`,
    )
    .all(...args) as Raw[];
  return rows.map((r) => ({ ...r, overdue: r.status === 'open' && r.fixBy !== null && r.fixBy < today }));
}
