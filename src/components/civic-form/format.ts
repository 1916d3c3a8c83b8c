/** The definition format, owned by `src/forms/` (shared with the server). */
export * from '../../forms/definition.js';
