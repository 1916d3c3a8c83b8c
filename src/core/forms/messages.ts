// The form engine's English, registered by each form module that shows it (imported for this
// effect), so it travels with the form code instead of the core chunk.
import { registerMessages } from '../i18n.js';
import { enForms } from '../locales/en-forms.js';

registerMessages({ en: enForms });
