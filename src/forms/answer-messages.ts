import { addAnswerMessages } from './answer-messages-core.js';
import { es } from './answer-messages.es.js';

/**
 * What an answer error says, in English and Spanish, for the server (the element loads the
 * Spanish only when it speaks it: see `answer-messages-core.ts`).
 */
export { answerMessage, fileTypeNames, formatBytes, localText } from './answer-messages-core.js';

addAnswerMessages('es', es);
