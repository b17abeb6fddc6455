import { describe, expect, test } from 'vitest';
import { NtkInputError } from '../errors/NtkInputError.js';
import { defineTableau } from './defineTableau.js';
import type { Tableau } from './Tableau.js';
import { heunEuler } from './_testing/heunEuler.js';

const parameterOf = (spec: Tableau): string => {
  try {
    defineTableau(spec);
  } catch (e) {
    if (e instanceof NtkInputError) return e.parameter;
    throw e;
  }
  return 'accepted';
};

describe('defineTableau', () => {
  test('returns a deep-frozen copy', () => {
    const t = defineTableau(heunEuler);
    expect(t).not.toBe(heunEuler);
    expect(t).toEqual(heunEuler);
    expect([t, t.c, t.A, t.A[1], t.b, t.bHat].every(Object.isFrozen)).toBe(true);
  });

  test.each<[string, Partial<Tableau>, string]>([
    ['an implicit A (row 0 not empty)', { A: [['0'], ['1']] }, 'tableau.A[0]'],
    ['a row of the wrong length', { A: [[], ['1', '0']] }, 'tableau.A[1]'],
    ['a decimal instead of a rational', { b: ['0.5', '1/2'] }, 'tableau.b[0]'],
    ['a zero denominator', { b: ['1/0', '1/2'] }, 'tableau.b[0]'],
    ['c[0] != 0', { c: ['1/2', '1'] }, 'tableau.c[0]'],
    ['bHat without embeddedOrder', { embeddedOrder: undefined }, 'tableau.embeddedOrder'],
    ['b of the wrong length', { b: ['1'] }, 'tableau.b'],
    ['fsal without the FSAL structure', { fsal: true }, 'tableau.fsal'],
    ['dense rows missing', { dense: { order: 2, P: [['1']] } }, 'tableau.dense.P'],
    ['order 0', { order: 0 }, 'tableau.order'],
  ])('rejects %s', (_what, change, parameter) => {
    expect(parameterOf({ ...heunEuler, ...change })).toBe(parameter);
  });

  test('accepts an FSAL tableau whose last row equals b', () => {
    const fsalEuler = { ...heunEuler, c: ['0', '1'], A: [[], ['1']], b: ['1', '0'], bHat: undefined, embeddedOrder: undefined, order: 1, fsal: true };
    expect(parameterOf(fsalEuler)).toBe('accepted');
  });
});
