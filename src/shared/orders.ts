import { ruDate } from './dates';

/** «приказ № 12-у от 01.09.2025», whether the number was typed with its «№» or without. */
export const orderText = (number: string, date: string | null) =>
  `приказ № ${number.replace(/^\s*№\s*/, '')}${date ? ` от ${ruDate(date)}` : ''}`;
