/**
 * The ids that tie a control to its hint and its error message (`aria-describedby`). A module of
 * their own: a step that draws its own fieldset (the service request's categories) needs them
 * without the field renderer, which its page then loads with the later steps.
 */
export const hintId = (id: string): string => `${id}-hint`;
export const errorId = (id: string): string => `${id}-error`;
