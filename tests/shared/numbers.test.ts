import { describe, expect, it } from 'vitest';
import { formatCell, percentOf, percentText, withComma } from '../../src/shared/numbers';

describe('numbers as Russian forms print them', () => {
  it('writes decimals with a comma', () => {
    expect(withComma(4.333, 2)).toBe('4,33');
    expect(withComma(5, 2)).toBe('5,00');
    expect(withComma(12.25, 1)).toBe('12,3');
  });

  it('takes percentages to a tenth, none of nothing', () => {
    expect(percentOf(1, 3)).toBe(33.3);
    expect(percentOf(2, 3)).toBe(66.7);
    expect(percentOf(3, 3)).toBe(100);
    expect(percentOf(0, 0)).toBeNull();
    expect(percentText(12.5)).toBe('12,5 %');
  });

  it('formats a report cell by its column', () => {
    expect(formatCell(null, 'int')).toBe('');
    expect(formatCell('н/а', 'mark')).toBe('н/а');
    expect(formatCell(12, 'int')).toBe('12');
    expect(formatCell(66.7, 'percent')).toBe('66,7');
    expect(formatCell(100, 'percent')).toBe('100,0');
    expect(formatCell(4.5, 'decimal')).toBe('4,50');
  });
});
