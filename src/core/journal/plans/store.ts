import { and, asc, eq, inArray, lte, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { planRow, planSummary } from '../../../shared/contract/plans';
import type { Db } from '../../db/open';
import { assignments, classes, curriculum, lessons, thematicPlans, thematicPlanTopics } from '../../db/schema';

export type PlanSummary = z.infer<typeof planSummary>;
export type PlanRow = z.infer<typeof planRow>;

/** The yearly hours the curriculum gives the assignment's subject in its grade; null when the curriculum is silent. */
export function curriculumHours(db: Db, assignmentId: number): number | null {
  const row = db
    .select({ hours: curriculum.hoursPerYear })
    .from(assignments)
    .innerJoin(classes, eq(classes.id, assignments.classId))
    .innerJoin(curriculum, and(eq(curriculum.yearId, assignments.yearId), eq(curriculum.grade, classes.grade), eq(curriculum.subjectId, assignments.subjectId)))
    .where(eq(assignments.id, assignmentId))
    .get();
  return row?.hours ?? null;
}

export function topicsOf(db: Db, assignmentId: number) {
  return db
    .select({ id: thematicPlanTopics.id, position: thematicPlanTopics.position, section: thematicPlanTopics.section, title: thematicPlanTopics.title, hours: thematicPlanTopics.hours })
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
        .where(and(eq(lessons.assignmentId, assignmentId), inArray(lessons.planTopicId, topics.map((t) => t.id)), given(today)))
        .groupBy(lessons.planTopicId)
        .all()
    : [];
  const givenOf = new Map(perTopic.map((r) => [r.topicId, r.n]));
  const total = db.select({ n: sql<number>`count(*)` }).from(lessons).where(and(eq(lessons.assignmentId, assignmentId), given(today))).get();
  return {
    assignmentId,
    topics: topics.map((t) => ({ ...t, givenHours: givenOf.get(t.id) ?? 0 })),
    plannedHours: topics.reduce((s, t) => s + t.hours, 0),
    curriculumHours: curriculumHours(db, assignmentId),
    givenHours: total?.n ?? 0,
  };
}

/**
 * Replaces the plan's topics position by position: lessons linked to topic N stay linked to the new topic N, and
 * lessons linked to topics past the new end lose the link (their written topic text stays on the lesson).
 */
export function writePlan(db: Db, assignmentId: number, rows: PlanRow[]): void {
  let plan = db.select().from(thematicPlans).where(eq(thematicPlans.assignmentId, assignmentId)).get();
  if (!plan) plan = db.insert(thematicPlans).values({ assignmentId }).returning().get();
  const planId = plan.id;
  const existing = db.select().from(thematicPlanTopics).where(eq(thematicPlanTopics.planId, planId)).orderBy(asc(thematicPlanTopics.position)).all();
  rows.forEach((row, i) => {
    const values = { section: row.section || null, title: row.title, hours: row.hours };
    const old = existing[i];
    if (old) db.update(thematicPlanTopics).set({ ...values, position: i + 1 }).where(eq(thematicPlanTopics.id, old.id)).run();
    else db.insert(thematicPlanTopics).values({ ...values, planId, position: i + 1 }).run();
  });
  const dropped = existing.slice(rows.length).map((t) => t.id);
  if (dropped.length) {
    db.update(lessons).set({ planTopicId: null }).where(inArray(lessons.planTopicId, dropped)).run();
    db.delete(thematicPlanTopics).where(inArray(thematicPlanTopics.id, dropped)).run();
  }
}
