import { z } from 'zod';
import { defineChannel } from './define';
import { correctionReason, entityId, isoDate, text } from './common';
import { gridLesson } from './journal';
import { saveId } from './saves';

const lessonNumber = z.number().int().min(0, 'Номер урока от 0 до 10').max(10, 'Номер урока от 0 до 10');

export const teacherOption = z.object({ id: entityId, name: z.string() });

/** The lesson itself: what a teacher fills after it (topic, kind, homework), substitutions, extra and moved lessons. */
export const lessonsContract = {
  update: defineChannel({
    channel: 'lessons:update',
    access: 'journal.write',
    input: z.object({
      lessonId: entityId,
      topic: text(500).nullable().optional(),
      /** Picking a topic of the thematic plan also sets the topic text. */
      planTopicId: entityId.nullable().optional(),
      homework: text(1000).nullable().optional(),
      workKindId: entityId.optional(),
      /** A substitute who gave the lesson; the assignment's teacher when back to normal. */
      givenById: entityId.optional(),
      /** «урок не проведён» and back. */
      status: z.enum(['held', 'not_held']).optional(),
      /** «Все присутствуют»: attendance taken with no absence to enter. */
      attendanceTaken: z.literal(true).optional(),
      reason: correctionReason,
      /** The changed fields as the screen showed them before: someone else's change since is a conflict. */
      expected: z
        .object({
          // As stored, so not re-checked as typed text; bounded as the fields themselves are.
          topic: z.string().max(500).nullable(),
          planTopicId: entityId.nullable(),
          homework: z.string().max(1000).nullable(),
          workKindId: entityId,
          givenById: entityId,
          status: z.enum(['planned', 'held', 'not_held']),
        })
        .partial()
        .optional(),
      saveId,
    }),
    output: gridLesson,
  }),
  add: defineChannel({
    channel: 'lessons:add',
    access: 'journal.write',
    input: z.object({ assignmentId: entityId, date: isoDate, lessonNumber, reason: correctionReason }),
    output: gridLesson,
  }),
  move: defineChannel({
    channel: 'lessons:move',
    access: 'journal.write',
    input: z.object({ lessonId: entityId, date: isoDate, lessonNumber, reason: correctionReason }),
    output: gridLesson,
  }),
  /** Who may be recorded as the substitute. */
  teachers: defineChannel({
    channel: 'lessons:teachers',
    access: 'journal.write',
    input: z.object({}),
    output: z.array(teacherOption),
  }),
};
