import { describe, expect, it } from 'vitest';
import { contrastOnWhite, readableColor } from '../../src/renderer/src/journal/grid/readableColor';

describe('work kind colours on the grid', () => {
  it('darkens a pale colour just enough to be read on white, and leaves a dark one as it is', () => {
    for (const pale of ['#dd6b20', '#319795', '#b7791f', '#ffff00', '#ffffff']) {
      const dark = readableColor(pale);
      expect(contrastOnWhite(dark)).toBeGreaterThanOrEqual(4.5);
      expect(contrastOnWhite(dark)).toBeLessThan(6);
    }
    expect(readableColor('#4a5568')).toBe('#4a5568');
    expect(readableColor('#c53030')).toBe('#c53030');
    expect(readableColor('red')).toBe('red');
  });
});
