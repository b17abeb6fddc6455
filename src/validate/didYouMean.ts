import { closestMatch } from 'leven';

/**
 * `" (did you mean X?)"` for the candidate closest to `word` in edit distance (leven's Levenshtein), or `''` when
 * none is close: within a third of the word's length, at least 2 and at most 3 edits (`chek` and `chekc` -> `check`,
 * `--sed` -> `--seed`, but `xyz` suggests nothing).
 */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const maxDistance = Math.min(3, Math.max(2, Math.floor(word.length / 3)));
  const match = closestMatch(word, candidates, { maxDistance });
  return match === undefined ? '' : ` (did you mean ${match}?)`;
}
