// Heavy calls on the pool of worker threads (core/workers): the thread that saves marks keeps answering while
// the whole school's control report is written as PDF, a cancelled call never runs or is stopped, and a failure
// inside a thread reaches the caller as the same AppError.
import fs from 'node:fs';
import os from 'node:os';
import { beforeAll, describe, expect, it } from 'vitest';
import { poolNice } from '../../src/core/workers/pool';
import { generateDemoSchool } from '../../src/core/demo';
import { contract, type PrintJob } from '../../src/shared/contract';
import { directCaller, testCore } from '../helpers/core';

const today = '2026-11-24';
/** A transport's turn: each request arrives as a task of its own, so the thread's other events get their turn between. */
const nextTask = () => new Promise((resolve) => setImmediate(resolve));

describe('heavy work on worker threads', () => {
  const core = testCore();
  const deputy = directCaller(core);
  const teacher = directCaller(core);
  let target: { lessonId: number; studentId: number; login: string };
  let quarter: { from: string; to: string };

  beforeAll(async () => {
    generateDemoSchool(core.db, { tier: 'typical', years: 1, today });
    const sql = core.db.$client;
    target = sql
      .prepare(
        `select l.id as lessonId, e.student_id as studentId, u.login from lessons l
         join assignments a on a.id = l.assignment_id join users u on u.id = a.teacher_id
         join class_enrollments e on e.class_id = a.class_id and e.end_date is null
         where a.subgroup_id is null and l.date < ? and l.status = 'held'
           and not exists (select 1 from absences x where x.lesson_id = l.id and x.student_id = e.student_id)
         order by l.date desc limit 1`,
      )
      .get(today) as typeof target;
    const q = sql
      .prepare(`select start_date as "from", end_date as "to" from periods where scheme = 'quarters' and number = 1`)
      .get() as typeof quarter;
    quarter = q;
    await deputy.value(contract.auth.login, { login: 'zavuch', password: 'demo' });
    await teacher.value(contract.auth.login, { login: target.login, password: 'demo' });
  });

  const exports = () =>
    (
      core.db.$client.prepare(`select count(*) as n from audit_log where action = 'report.export'`).get() as {
        n: number;
      }
    ).n;
  const controlPdf = (signal?: AbortSignal) =>
    deputy.send(contract.reports.file, { report: 'control', params: quarter, format: 'pdf' }, signal);

  it('keeps saving marks while the whole school’s control report is written as PDF', async () => {
    const before = exports();
    let finished = false;
    const pdf = controlPdf().finally(() => (finished = true));
    let saves = 0;
    while (!finished) {
      const saved = await teacher.send(contract.journal.setMark, {
        lessonId: target.lessonId,
        studentId: target.studentId,
        value1: (['2', '3', '4', '5'] as const)[saves % 4]!,
      });
      expect(saved.ok).toBe(true);
      saves++;
      await nextTask();
    }
    const result = await pdf;
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.mimeType).toBe('application/pdf');
    expect(Buffer.from(result.value.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    // Written by the thread's own connection, seen by this one.
    expect(exports()).toBe(before + 1);
    // Had the PDF been written on this thread, it would have finished before the first save got its turn.
    // How long a save may wait is a speed target: `npm run bench -- --only heavy` holds it, not this test.
    expect(saves).toBeGreaterThan(20);
  });

  it.runIf(process.platform === 'linux')('runs its threads below the thread that answers calls', async () => {
    expect((await controlPdf()).ok).toBe(true);
    // A Linux thread's nice value is its own: field 19 of /proc/self/task/TID/stat (after the name in parentheses).
    const niceOf = (tid: string) =>
      Number(fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ')[16]);
    const own = os.getPriority(0);
    const threads = fs.readdirSync('/proc/self/task').map(niceOf);
    expect(threads.filter((nice) => nice === Math.min(19, own + poolNice)).length).toBeGreaterThanOrEqual(1);
    expect(os.getPriority(0)).toBe(own);
  });

  it('never runs a call cancelled while it waited, and stops one cancelled while it ran', async () => {
    const before = exports();
    // Occupy both threads, so the third call waits in the queue.
    const busy = [controlPdf(), controlPdf()];
    const queued = new AbortController();
    const waiting = controlPdf(queued.signal);
    queued.abort();
    expect(await waiting).toEqual({
      ok: false,
      error: { kind: 'conflict', message: 'Работа отменена', details: { refusal: 'cancelled' } },
    });
    for (const done of await Promise.all(busy)) expect(done.ok).toBe(true);
    expect(exports()).toBe(before + 2);

    const running = new AbortController();
    const stopped = controlPdf(running.signal);
    await nextTask();
    running.abort();
    expect(await stopped).toEqual({
      ok: false,
      error: { kind: 'conflict', message: 'Работа отменена', details: { refusal: 'cancelled' } },
    });
    expect(exports()).toBe(before + 2);
    // The ended thread is replaced: the next call runs.
    expect((await controlPdf()).ok).toBe(true);
    expect(exports()).toBe(before + 3);
  });

  it('brings a failure inside a thread back as the same AppError', async () => {
    const missing = await deputy.send(contract.reports.file, {
      report: 'attendanceYear',
      params: { classId: 999_999 },
      format: 'xlsx',
    });
    expect(missing).toMatchObject({ ok: false, error: { kind: 'not_found', message: expect.stringMatching(/[а-я]/) } });
    const invalid = await deputy.send(contract.reports.file, {
      report: 'control',
      params: { from: '2026-02-01', to: '2026-01-01' },
      format: 'pdf',
    });
    expect(invalid).toMatchObject({
      ok: false,
      error: { kind: 'validation', message: 'Начало периода позже его конца' },
    });
  });

  it('cancels the whole school’s printing on its thread between classes, keeping the books already written', async () => {
    const secretary = directCaller(core);
    await secretary.value(contract.auth.login, { login: 'secretary', password: 'demo' });
    const { jobId } = await secretary.value(contract.print.startSchool, {});
    expect(await secretary.send(contract.print.cancel, { jobId })).toEqual({ ok: true, value: { cancelled: true } });
    let job: PrintJob | undefined;
    await expect
      .poll(async () => {
        const polled = await secretary.send(contract.print.job, { jobId });
        job = polled.ok ? polled.value : undefined;
        return job?.status;
      })
      .toBe('cancelled');
    expect(job?.act).toBeNull();
    expect(job?.books.length).toBeLessThan(33);
  });
});
