/** A word as one POSIX shell word in a printed command: left alone when it is safe, else single-quoted ('kappa:n>1'). */
export function shellWord(word: string): string {
  return /^[\w.:=/-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
