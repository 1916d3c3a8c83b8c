import { addAnswerMessages } from './answer-messages-core.js';
import { es } from './answer-messages.es.js';

/**
 * What an answer error says, in English and Spanish, for the server (the element loads the
 * Spanish only when it speaks it: see `answer-messages-core.ts`).
 */
export { answerMessage, fileTypeNames, formatBytes, localText } from './answer-messages-core.js';

// A whole submission's problems: only the server finds them (the element checks a page at a time).
addAnswerMessages('en', {
  skipped: 'Remove the answer to “{label}”: your other answers skip that question',
  unknown: 'This form has no question “{label}”',
  too_many_entries: 'You can add at most {max} entries',
  too_few_entries: 'Add at least {min} entries',
  exit: 'Your answers show that this form is not for you, so it cannot be sent',
});
addAnswerMessages('es', es);
