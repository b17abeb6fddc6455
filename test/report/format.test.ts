import { describe, expect, it } from 'vitest';
import { describeCase } from '../../src/report/describeCase.js';
import { formatNumber, formatTightness, jsonNumber } from '../../src/format/numbers.js';
import { cell, markdownTable } from '../../src/report/format.js';

describe('report formatting', () => {
  it('keeps JSON valid for non-finite numbers', () => {
    expect(JSON.parse(JSON.stringify([jsonNumber(Infinity), jsonNumber(NaN), jsonNumber(0.5)]))).toEqual(['Infinity', 'NaN', 0.5]);
  });

  it('formats numbers compactly, exponents outside [1e-3, 1e6)', () => {
    expect([formatNumber(0.123456), formatNumber(1.5e-7), formatNumber(0), formatNumber(Infinity), formatNumber('NaN')]).toEqual([
      '0.1235',
      '1.500e-7',
      '0',
      'inf',
      'NaN',
    ]);
  });

  it('never rounds a tightness ratio onto 1', () => {
    expect(formatTightness(0.9999999939600462)).toBe('0.999999994');
    expect(formatTightness(1.0000000145420895)).toBe('1.000000015');
    expect(formatTightness(1)).toBe('1 (equality)');
    expect(formatTightness(0.49937)).toBe('0.49937');
  });

  it('escapes the pipes of norms in Markdown cells', () => {
    expect(cell('||w - w0|| <= t')).toBe('\\|\\|w - w0\\|\\| <= t');
    expect(markdownTable(['a', 'b'], [['|x|', '2']])).toBe('| a | b |\n|---|---|\n| \\|x\\| | 2 |');
  });

  it('describes flow, matrix and converse cases in one line, anything else as cut JSON', () => {
    const flow = { family: 'structured', direction: 'top', instance: { model: { kind: 'scalar', a: 1, b: 2 }, w0: [0], yStar: [2], alpha: 1, T: 3 } };
    expect(describeCase(flow)).toBe('structured scalar n=1 p=1, alpha=1, T=3, R0=2, r(0) top');
    expect(describeCase({ n: 1, p: 2, At: [3, 4], Bt: [0, 1], t: 0.5, mode: 'random' })).toBe('A, B 2x1, t=0.5, ||A||=5, ||B||=1, B random');
    expect(describeCase({ alpha: 2, T: 1, lip: 4, R0: 1 })).toBe('converse model, alpha=2, T=1, Lip(Dh)=4, R0=1 (kappa=2)');
    expect(describeCase({ other: 'x'.repeat(300) })).toMatch(/^\{"other":"x+\.\.\.$/);
  });
});
