import type { JournalGrid } from '../../../../shared/contract';

type Lesson = JournalGrid['lessons'][number];

/**
 * The thematic plan's topic for a lesson without one: its own plan link if the plan assigned one, else the
 * topic after the last one given before it, as the plan's order says.
 */
export function suggestTopic(grid: JournalGrid, lesson: Lesson): JournalGrid['planTopics'][number] | null {
  const topics = grid.planTopics;
  if (topics.length === 0) return null;
  if (lesson.planTopicId !== null) return topics.find((t) => t.id === lesson.planTopicId) ?? null;
  const position = new Map(topics.map((t) => [t.id, t.position]));
  const before = grid.lessons.filter(
    (l) =>
      (l.date < lesson.date || (l.date === lesson.date && l.lessonNumber < lesson.lessonNumber)) &&
      l.planTopicId !== null,
  );
  const last = Math.max(-Infinity, ...before.map((l) => position.get(l.planTopicId!) ?? -Infinity));
  return topics.find((t) => t.position > last) ?? null;
}
