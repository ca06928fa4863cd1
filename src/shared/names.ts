/** How people and classes are named on screen and in print. */
export interface PersonName {
  lastName: string;
  firstName: string;
  middleName?: string | null;
}

export function fullName(p: PersonName): string {
  return [p.lastName, p.firstName, p.middleName].filter(Boolean).join(' ');
}

/** «Иванова М. П.» */
export function shortName(p: PersonName): string {
  const initials = [p.firstName, p.middleName].filter((s): s is string => Boolean(s)).map((s) => `${s[0]}.`);
  return [p.lastName, initials.join(' ')].filter(Boolean).join(' ');
}

export function className(c: { grade: number; letter: string }): string {
  return `${c.grade}${c.letter}`;
}

/** Alphabetical order of the class list, as on the journal's page. */
export function compareByName(a: PersonName, b: PersonName): number {
  return fullName(a).localeCompare(fullName(b), 'ru');
}
