import { describe, expect, it } from 'vitest';
import { guessMapping } from '../../src/core/imports/columns';
import { detectDelimiter } from '../../src/core/imports/table';
import { loginFor, parseClassName, parseDate, parseGender } from '../../src/core/imports/values';

describe('the cells of a class list as schools type them', () => {
  it('reads class names with spaces, quotes, dashes, lower case and Latin look-alikes, and refuses the rest', () => {
    for (const text of ['5А', '5 а', '5-А', '5 «А»', '5"А"', '5A', '5а класс', ' 5 А '])
      expect(parseClassName(text)).toEqual({ grade: 5, letter: 'А' });
    expect(parseClassName('11Б')).toEqual({ grade: 11, letter: 'Б' });
    for (const text of ['12А', '0А', 'пятый', '5', '5АБ', '']) expect(parseClassName(text)).toBeNull();
  });

  it('reads dates as ДД.ММ.ГГГГ, with / or -, and ISO; refuses dates that are not in the calendar', () => {
    expect(parseDate('03.07.2014')).toBe('2014-07-03');
    expect(parseDate('3/7/2014')).toBe('2014-07-03');
    expect(parseDate('2014-07-03')).toBe('2014-07-03');
    expect(parseDate('03.07.2014 0:00:00')).toBe('2014-07-03');
    for (const text of ['31.02.2014', '29.02.2015', '2014-13-01', '03.07.14', 'вчера'])
      expect(parseDate(text)).toBeNull();
    expect(parseDate('29.02.2016')).toBe('2016-02-29');
  });

  it('reads the gender in the usual spellings and refuses anything else', () => {
    expect(parseGender('М')).toEqual({ ok: true, value: 'm' });
    expect(parseGender('жен.')).toEqual({ ok: true, value: 'f' });
    expect(parseGender('')).toEqual({ ok: true, value: null });
    expect(parseGender('?')).toEqual({ ok: false });
  });

  it('makes a login from the surname and initials, in Latin letters', () => {
    expect(loginFor('Щукина', 'Юлия', 'Эдуардовна')).toBe('shchukina.iue');
    expect(loginFor('Ёлкин', 'Фёдор', null)).toBe('elkin.f');
  });

  it('guesses columns from headers however they are written, each column once', () => {
    expect(
      guessMapping('students', ['№ п/п', 'ФИО обучающегося', 'Дата рождения:', 'КЛАСС', 'Пол', 'Номер личного дела']),
    ).toMatchObject({
      fullName: 1,
      birthDate: 2,
      className: 3,
      gender: 4,
      personalFileNo: 5,
    });
    expect(guessMapping('students', ['Ф.И.О.', 'Д.р.', 'Кл.'])).toMatchObject({
      fullName: 0,
      birthDate: 1,
      className: 2,
    });
    expect(guessMapping('teachers', ['Фамилия', 'Имя', 'Отчество', 'Логин', 'Классный руководитель'])).toEqual({
      lastName: 0,
      firstName: 1,
      fullName: null,
      middleName: 2,
      login: 3,
      subjects: null,
    });
    expect(guessMapping('teachers', ['ФИО', 'Преподаваемые предметы'])).toMatchObject({ fullName: 0, subjects: 1 });
    expect(guessMapping('teachers', ['ФИО', 'Дисциплины'])).toMatchObject({ subjects: 1 });
  });

  it('takes the separator from the header line, whatever the cells below hold', () => {
    expect(detectDelimiter('Фамилия;Имя;Предметы\nИванова;Мария;"математика, физика"')).toBe(';');
    expect(detectDelimiter('\r\nФамилия,Имя\n')).toBe(',');
    expect(detectDelimiter('Фамилия\tИмя\tКласс')).toBe('\t');
  });
});
