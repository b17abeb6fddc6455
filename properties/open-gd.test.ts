/** Open question 'gd' (src/explore) at NTK_PROFILE=ci / deep: see openQuestionSuite. */
import { openQuestionSuite } from './_support/openQuestionSuite.js';

openQuestionSuite('gd');
