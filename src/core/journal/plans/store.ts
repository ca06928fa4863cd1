import { and, asc, eq, inArray, lte, ne, sql } from 'drizzle-orm';
import type { PlanRow, PlanSummary } from '../../../shared/contract/plans';
import type { Db } from '../../db/open';
import { assignments, classes, curriculum, lessons, thematicPlans, thematicPlanTopics } from '../../db/schema';

export type { PlanRow, PlanSummary };

/** The yearly hours the curriculum gives the assignment's subject in its grade; null when the curriculum is silent. */
export function curriculumHours(db: Db, assignmentId: number): number | null {
  const row = db
    .select({ hours: curriculum.hoursPerYear })
    .from(assignments)
    .innerJoin(classes, eq(classes.id, assignments.classId))
    .innerJoin(
      curriculum,
      and(
        eq(curriculum.yearId, assignments.yearId),
        eq(curriculum.grade, classes.grade),
        eq(curriculum.subjectId, assignments.subjectId),
      ),
    )
    .where(eq(assignments.id, assignmentId))
    .get();
  return row?.hours ?? null;
}

export function topicsOf(db: Db, assignmentId: number) {
  return db
    .select({
      id: thematicPlanTopics.id,
      position: thematicPlanTopics.position,
      section: thematicPlanTopics.section,
      title: thematicPlanTopics.title,
      hours: thematicPlanTopics.hours,
      homework: thematicPlanTopics.homework,
    })
    .from(thematicPlanTopics)
    .innerJoin(thematicPlans, eq(thematicPlans.id, thematicPlanTopics.planId))
    .where(eq(thematicPlans.assignmentId, assignmentId))
    .orderBy(asc(thematicPlanTopics.position))
    .all();
}

/** A lesson counts as given once its day has come and it was not cancelled. */
const given = (today: string) => and(ne(lessons.status, 'not_held'), lte(lessons.date, today));

/** The plan with planned hours against the curriculum and the hours given so far, in total and per topic. */
export function loadPlan(db: Db, assignmentId: number, today: string): PlanSummary {
  const topics = topicsOf(db, assignmentId);
  const perTopic = topics.length
    ? db
        .select({ topicId: lessons.planTopicId, n: sql<number>`count(*)` })
        .from(lessons)
        .where(
          and(
            eq(lessons.assignmentId, assignmentId),
            inArray(
              lessons.planTopicId,
              topics.map((t) => t.id),
            ),
            given(today),
          ),
        )
        .groupBy(lessons.planTopicId)
        .all()
    : [];
  const givenOf = new Map(perTopic.map((r) => [r.topicId, r.n]));
  const total = db
    .select({ n: sql<number>`count(*)` })
    .from(lessons)
    .where(and(eq(lessons.assignmentId, assignmentId), given(today)))
    .get();
  return {
    assignmentId,
    topics: topics.map((t) => ({ ...t, givenHours: givenOf.get(t.id) ?? 0 })),
    plannedHours: topics.reduce((s, t) => s + t.hours, 0),
    curriculumHours: curriculumHours(db, assignmentId),
    givenHours: total?.n ?? 0,
  };
}

/** «title#k»: the k-th topic of that title, so a plan of many «Решение задач» still matches topic to topic. */
function keysOf(titles: string[]): string[] {
  const seen = new Map<string, number>();
  return titles.map((t) => {
    const k = (seen.get(t) ?? 0) + 1;
    seen.set(t, k);
    return `${t}#${k}`;
  });
}

/**
 * Replaces the plan's topics. A topic kept under the same title keeps its lessons (a corrected plan re-imported
 * mid-year loses nothing); lessons of a topic that is gone lose only the link, their written topic text stays.
 */
export function writePlan(db: Db, assignmentId: number, rows: PlanRow[]): void {
  let plan = db.select().from(thematicPlans).where(eq(thematicPlans.assignmentId, assignmentId)).get();
  if (!plan) plan = db.insert(thematicPlans).values({ assignmentId }).returning().get();
  const planId = plan.id;
  const existing = db
    .select()
    .from(thematicPlanTopics)
    .where(eq(thematicPlanTopics.planId, planId))
    .orderBy(asc(thematicPlanTopics.position))
    .all();
  const byKey = new Map(keysOf(existing.map((t) => t.title)).map((k, i) => [k, existing[i]!]));
  // Positions are unique per plan: park the old ones out of the way before numbering anew.
  db.update(thematicPlanTopics)
    .set({ position: sql`-${thematicPlanTopics.id}` })
    .where(eq(thematicPlanTopics.planId, planId))
    .run();
  const kept = new Set<number>();
  keysOf(rows.map((r) => r.title)).forEach((key, i) => {
    const row = rows[i]!;
    const values = {
      section: row.section || null,
      title: row.title,
      hours: row.hours,
      homework: row.homework || null,
      position: i + 1,
    };
    const old = byKey.get(key);
    if (old) {
      kept.add(old.id);
      db.update(thematicPlanTopics).set(values).where(eq(thematicPlanTopics.id, old.id)).run();
    } else
      db.insert(thematicPlanTopics)
        .values({ ...values, planId })
        .run();
  });
  const dropped = existing.filter((t) => !kept.has(t.id)).map((t) => t.id);
  if (dropped.length) {
    db.update(lessons).set({ planTopicId: null }).where(inArray(lessons.planTopicId, dropped)).run();
    db.delete(thematicPlanTopics).where(inArray(thematicPlanTopics.id, dropped)).run();
  }
}
