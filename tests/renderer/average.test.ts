import { describe, expect, it } from 'vitest';
import { formatAverage, weightedAverage } from '../../src/renderer/src/journal/grid/average';

const weights: Record<number, number> = { 1: 1, 2: 2, 3: 1.5 };
const weightOf = (id: number) => weights[id] ?? 1;

describe('the weighted average of a student in a period', () => {
  it('is Σ value·weight / Σ weight', () => {
    const marks = [
      { value1: '5', value2: null, workKindId: 1 },
      { value1: '3', value2: null, workKindId: 2 },
    ];
    // (5·1 + 3·2) / 3
    expect(weightedAverage(marks, weightOf)).toBeCloseTo(11 / 3);
    expect(formatAverage(weightedAverage(marks, weightOf))).toBe('3,67');
  });

  it('counts both marks of a two-mark cell, each with the cell weight', () => {
    const marks = [
      { value1: '5', value2: '4', workKindId: 3 },
      { value1: '3', value2: null, workKindId: 1 },
    ];
    // (5·1.5 + 4·1.5 + 3·1) / (1.5 + 1.5 + 1)
    expect(weightedAverage(marks, weightOf)).toBeCloseTo(16.5 / 4);
    expect(formatAverage(weightedAverage(marks, weightOf))).toBe('4,13');
  });

  it('leaves out «н/а» and is empty without numeric marks', () => {
    expect(weightedAverage([{ value1: 'н/а', value2: null, workKindId: 1 }], weightOf)).toBeNull();
    expect(weightedAverage([], weightOf)).toBeNull();
    expect(formatAverage(null)).toBe('');
    expect(weightedAverage([{ value1: '4', value2: 'н/а', workKindId: 2 }], weightOf)).toBe(4);
  });

  it('rounds half up to two decimals with a Russian comma', () => {
    expect(formatAverage(4.005)).toBe('4,01');
    expect(formatAverage(5)).toBe('5,00');
    expect(formatAverage(3.994)).toBe('3,99');
  });

  it('treats an unknown work kind as weight 1', () => {
    expect(
      weightedAverage(
        [
          { value1: '2', value2: null, workKindId: 99 },
          { value1: '4', value2: null, workKindId: 1 },
        ],
        weightOf,
      ),
    ).toBe(3);
  });
});
