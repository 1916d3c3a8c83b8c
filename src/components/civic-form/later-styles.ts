import { css } from 'lit';
import { answersStyles } from '../../core/forms/answers-styles.js';

/** The later steps' styles ("add another" entries, the saved link, upload progress), adopted with `later.ts`. */
const laterOnly = css`
  .entries {
    margin-block-end: var(--civic-form-gap, var(--_civic-space-l));
  }
  .resume-link {
    inline-size: 100%;
    font-family: inherit;
  }
  progress {
    inline-size: 100%;
    block-size: 1rem;
    accent-color: var(--civic-color-primary, #005ea2);
  }
`;

/** What `later.ts` adds to the element's styles: check your answers, the panel, and the above. */
export const formLaterStyles = [answersStyles, laterOnly];
