// Breaks the module contract: declares n = 2 but value returns 3 numbers. Expected: exit 2, one line.
export default {
  name: 'wrong shapes',
  p: 2,
  n: 2,
  value: (w) => [w[0], w[1], 0],
  jacobian: () => [
    [1, 0],
    [0, 1],
  ],
};
