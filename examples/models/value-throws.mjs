// Breaks the module contract: value throws. Expected: exit 2, one line.
export default {
  name: 'throwing value',
  p: 1,
  n: 1,
  value() {
    throw new Error('forward pass not implemented');
  },
  jacobian: () => [[1]],
};
