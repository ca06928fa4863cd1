import { AppError } from '../../shared/errors';
import type { Actor } from '../actor';
import type { Services } from '../services';
import type { Handlers } from './dispatch';

/** Past the dispatcher's checks a non-public call always has an actor; this narrows the type. */
function must(actor: Actor | null): Actor {
  if (!actor) throw new AppError('unauthorized', 'Войдите в систему');
  return actor;
}

const sessionUser = (a: Actor) => ({ id: a.userId, login: a.login, fullName: a.fullName, shortName: a.shortName, roles: a.roles });

/** Maps each channel of the contract to its service call. Handlers hold no logic and touch no database. */
export function createHandlers(s: Services): Handlers {
  return {
    auth: {
      login: async (input, _actor, call) => {
        const { token, actor } = await s.auth.login(input.login, input.password, call.client);
        call.setSession(token);
        return sessionUser(actor);
      },
      logout: (_input, actor, call) => {
        s.auth.logout(call.sessionToken, must(actor));
        call.setSession(null);
        return null;
      },
      me: (_input, actor) => (actor ? sessionUser(actor) : null),
    },
    setup: {
      status: () => ({ hasSchool: s.setup.hasSchool(), schoolName: s.school.schoolName(), isDemo: s.school.isDemo() }),
      createSchool: async (input) => {
        await s.setup.createSchool(input);
        return null;
      },
      createDemo: (input) => {
        s.setup.createDemo(input.tier);
        return null;
      },
    },
    school: {
      years: () => s.school.years(),
      periods: (input) => s.school.periods(input.yearId, input.grade),
    },
    journal: {
      assignments: (input, actor) => s.journal.assignments(must(actor), input.yearId),
      setMark: (input, actor) => s.journal.setMark(must(actor), input),
      clearMark: (input, actor) => s.journal.clearMark(must(actor), input),
      setAbsence: (input, actor) => s.journal.setAbsence(must(actor), input),
      cellHistory: (input, actor) => s.journal.cellHistory(must(actor), input.lessonId, input.studentId),
      grid: (input, actor) => s.journal.grid(must(actor), input.assignmentId, input.periodId),
    },
  };
}
