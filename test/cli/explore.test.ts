import { describe, expect, it } from 'vitest';
import { runCli } from './runCli.js';

describe('ntk-check explore', () => {
  it.each([
    ['no question', [], 'question'],
    ['unknown question', ['sgd'], 'question'],
    ['two questions', ['gd', 'edge'], 'question'],
    ['bad budget', ['edge', '--budget', '-3'], '--budget'],
    ['bad profile', ['edge', '--profile', 'huge'], '--profile'],
    ['bad seed', ['edge', '--seed', '1.5'], '--seed'],
  ])('bad input (%s): exit 2 and one line naming the parameter', async (_name, args, name) => {
    const { code, err } = await runCli('explore', ...args);
    expect(code).toBe(2);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toContain(name);
  });
});
