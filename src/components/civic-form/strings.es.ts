import type { Message } from '../../core/locales/en.js';
import type { FormMessages } from './strings.js';

/** Spanish, addressing the resident as "usted". Its own chunk, loaded only when a widget speaks Spanish. */
export const es: Record<keyof FormMessages, Message> = {
  civicFormNotFound: 'Este formulario no está disponible. Puede que se haya retirado: consulte la lista de formularios.',
  civicFormBadDefinition: 'No se puede mostrar este formulario porque su definición tiene errores. El equipo web de la ciudad debe corregirlos:',
  civicFormYes: 'Sí',
  civicFormNo: 'No',
  civicFormAddress_line1: 'Dirección, línea 1',
  civicFormAddress_line2: 'Dirección, línea 2',
  civicFormAddress_city: 'Ciudad o pueblo',
  civicFormAddress_state: 'Estado',
  civicFormAddress_zip: 'Código postal',
  civicFormNameFirst: 'Nombre',
  civicFormNameLast: 'Apellido',
  civicFormSaveLater: 'Guardar y volver más tarde',
  civicFormStartOver: 'Empezar de nuevo',
  civicFormPrivacy: 'Cómo usa la ciudad su información',
};
