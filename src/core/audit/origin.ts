import os from 'node:os';

/**
 * Who acts when nobody logged in: a command run on the host computer by whoever holds the database file.
 * It has no account in the school, so the log must not name one (writing it under the first admin would
 * put words in that person's mouth); it names the operating system's account and computer instead.
 */
export interface ShellOrigin {
  shell: 'cli';
  command: string;
  osUser: string;
  host: string;
  /** The file the command writes (`report --out`): its export entry names where the data went. */
  file?: string;
}

export function cliOrigin(command: string, file?: string): ShellOrigin {
  let osUser = 'неизвестен';
  try {
    osUser = os.userInfo().username;
  } catch {
    // A user without a passwd entry (some containers): the command is still logged, the name is not known.
  }
  return { shell: 'cli', command, osUser, host: os.hostname(), ...(file === undefined ? {} : { file }) };
}

/** The entry's new value with the origin beside it, under one key the viewer reads back (originLabel). */
export function withOrigin(newValue: unknown, origin: ShellOrigin): Record<string, unknown> {
  return valueWith(newValue, {
    ...(origin.file === undefined ? {} : { file: origin.file }),
    cli: `${origin.command}: ${origin.osUser}@${origin.host}`,
  });
}

/** An entry's new value with facts about where it came from beside it: a value that is not an object is wrapped. */
export function valueWith(newValue: unknown, extra: Record<string, unknown>): Record<string, unknown> {
  const value =
    typeof newValue === 'object' && newValue !== null && !Array.isArray(newValue)
      ? newValue
      : newValue === undefined
        ? {}
        : { value: newValue };
  return { ...value, ...extra };
}

/** An entry's value as the service recorded it, without the computer the call came from (valueWith's inverse). */
export function withoutComputer(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !('computer' in value)) return value;
  const { computer: _computer, ...rest } = value as Record<string, unknown>;
  const keys = Object.keys(rest);
  if (keys.length === 0) return null;
  return keys.length === 1 && keys[0] === 'value' ? rest['value'] : rest;
}

/** «Кто» for an entry without an account: the command line and its OS account, else the app itself. */
export function originLabel(newValue: string | null): string | null {
  if (newValue === null || !newValue.includes('"cli"')) return null;
  try {
    const v = JSON.parse(newValue) as { cli?: unknown };
    return typeof v.cli === 'string' ? `командная строка (${v.cli})` : null;
  } catch {
    return null;
  }
}
