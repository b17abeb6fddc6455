/** The revive functions of the case formats: a non-object (not only null) and a null model are named precisely. */
import { expect, test } from 'vitest';
import { lemma33 } from '../../src/statements/defs/lemma-3.3.js';
import { reviveMeanFieldPair } from '../../src/statements/meanFieldPairJson.js';
import { reviveWidthLadder } from '../../src/statements/widthLadderJson.js';
import { twoWidthLadder } from './fixtures.js';

test('reviveWidthLadder: a string or a number is not a case; bad widths are explained', () => {
  expect(() => reviveWidthLadder('ladder')).toThrow('case="ladder" must be an object');
  expect(() => reviveWidthLadder(7)).toThrow('case=7 must be an object');
  const { widths: _, ...d } = twoWidthLadder; // the shared fixture, its widths replaced below
  expect(() => reviveWidthLadder({ ...d, widths: [4, 2] })).toThrow(/^case.widths=.* must be at least two increasing even widths$/);
  expect(() => reviveWidthLadder({ ...d, widths: 'x' })).toThrow('case.widths="x" must be at least two increasing even widths');
});

test('matrix statements (lemma-3.3): revive rejects a non-object case by name before reading its fields', () => {
  expect(() => lemma33.revive(5)).toThrow('case=5 must be an object');
  expect(() => lemma33.revive('case')).toThrow('case="case" must be an object');
  expect(() => lemma33.revive(null)).toThrow('case=null must be an object');
});

test('reviveMeanFieldPair: a null or missing model is named as case.model', () => {
  expect(() => reviveMeanFieldPair({ model: null, u: [], v: [] })).toThrow('case.model=null must be a mean-field model object');
  expect(() => reviveMeanFieldPair({ u: [], v: [] })).toThrow('case.model=undefined must be a mean-field model object');
  expect(() => reviveMeanFieldPair({ model: 3 })).toThrow('case.model=3 must be a mean-field model object');
});
