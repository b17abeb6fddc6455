// UNUSABLE (exit 2): solve throws.
export default {
  name: 'not implemented',
  order: 4,
  solve() {
    throw new Error('TODO: implement solve');
  },
};
