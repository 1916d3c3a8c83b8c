import type { Message } from '../../core/locales/en.js';
import type { FormListMessages } from './list-strings.js';

/** Spanish, addressing the resident as "usted". */
export const es: Record<keyof FormListMessages, Message> = {
  civicFormListSearch: 'Buscar formularios',
  civicFormListSearchHint: 'Por ejemplo, «permiso de estacionamiento» o «alivio de impuestos»',
  civicFormListCount: { one: 'Se encontró 1 formulario', other: 'Se encontraron {count} formularios' },
  civicFormListNone: 'Ningún formulario coincide con «{query}». Revise la ortografía o pruebe otras palabras.',
  civicFormListEmpty: 'La ciudad todavía no ha publicado formularios.',
  civicFormCategory_permits: 'Permisos y licencias',
  civicFormCategory_taxes: 'Impuestos y beneficios',
  civicFormCategory_contact: 'Contactar con la ciudad',
  civicFormCategory_youth: 'Jóvenes y familias',
  civicFormCategory_meetings: 'Reuniones públicas',
  civicFormCategory_other: 'Otros formularios',
};
