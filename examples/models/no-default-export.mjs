// Breaks the module contract: no default export. Expected: exit 2, one line.
export const model = { name: 'named export only', p: 1, n: 1, value: (w) => [w[0]], jacobian: () => [[1]] };
