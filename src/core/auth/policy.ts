import { randomInt } from 'node:crypto';
import { AppError } from '../../shared/errors';

/**
 * The minimal password policy: long enough, not the login, letters and digits. Kept short on
 * purpose: teachers type these on shared computers, and the lockout does the rest against guessing.
 */
export function checkPasswordPolicy(password: string, login: string): void {
  if (password.length < 8) throw new AppError('validation', 'Пароль не короче 8 символов');
  if (password.toLowerCase() === login.toLowerCase())
    throw new AppError('validation', 'Пароль не должен совпадать с логином');
  if (!/\p{L}/u.test(password) || !/\p{N}/u.test(password)) {
    throw new AppError('validation', 'Пароль должен содержать буквы и цифры');
  }
}

// No 0/O, 1/l/I: the one-time password is read off the admin's screen and typed by hand.
const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';

/** A one-time password that passes the policy: 10 characters, at least one letter and one digit. */
export function generateOneTimePassword(): string {
  let s: string;
  do {
    s = Array.from({ length: 10 }, () => alphabet[randomInt(alphabet.length)]).join('');
  } while (!/[a-z]/.test(s) || !/\d/.test(s));
  return s;
}
