import type { FormDefinition } from '../../src/forms/definition.js';
import type { FormReceipt, FormsBackend, FormSummary } from '../../src/api/forms/client.js';

/** A small city form with every feature the stories show: routing to an exit page, "add another", a file, a declaration. */
export const sampleForm: FormDefinition = {
  slug: 'street-tree-request',
  version: 1,
  category: 'permits',
  languages: ['en', 'es'],
  name: { en: 'Request a street tree', es: 'Solicite un árbol en la calle' },
  start_page: 'owner',
  pages: [
    {
      id: 'owner',
      guidance: { en: 'The city plants trees **free of charge** in the spring and fall.', es: 'La ciudad planta árboles **sin costo** en primavera y otoño.' },
      questions: [{ id: 'is_owner', type: 'yes_no', required: true, label: { en: 'Do you own the property?', es: '¿Es usted propietario de la propiedad?' } }],
      routes: [{ when: { question: 'is_owner', any_of: ['no'] }, goto: 'exit-owner' }],
    },
    {
      id: 'trees',
      heading: { en: 'Where should the tree go?', es: '¿Dónde debe ir el árbol?' },
      repeatable: { max: 3, item: { en: 'Tree', es: 'Árbol' }, add_another: { en: 'Do you want another tree?', es: '¿Quiere otro árbol?' } },
      questions: [
        { id: 'spot', type: 'text', required: true, label: { en: 'Spot in front of the property', es: 'Lugar frente a la propiedad' } },
        { id: 'kind', type: 'selection', label: { en: 'Kind of tree', es: 'Tipo de árbol' }, options: [{ value: 'any', label: { en: 'Any', es: 'Cualquiera' } }, { value: 'flowering', label: { en: 'Flowering', es: 'Con flores' } }] },
      ],
    },
    {
      id: 'contact',
      heading: { en: 'About you', es: 'Sobre usted' },
      questions: [
        { id: 'name', type: 'name', required: true, label: { en: 'Your name', es: 'Su nombre' } },
        { id: 'address', type: 'address', required: true, label: { en: 'Property address', es: 'Dirección de la propiedad' } },
        { id: 'photo', type: 'file', accept: ['image/jpeg', 'image/png'], max_bytes: 5_000_000, label: { en: 'A photo of the spot', es: 'Una foto del lugar' } },
      ],
    },
  ],
  exit_pages: [
    {
      id: 'exit-owner',
      heading: { en: 'Ask the owner to apply', es: 'Pida al propietario que lo solicite' },
      body: { en: 'Only the owner can ask for a street tree. You can [call 311](/services.html) for other requests.', es: 'Solo el propietario puede pedir un árbol. Puede [llamar al 311](/services.html) para otras solicitudes.' },
    },
  ],
  declaration: { en: 'I agree to water the tree in its first two summers.', es: 'Acepto regar el árbol durante sus dos primeros veranos.' },
  what_happens_next: { en: 'A forester visits within **4 weeks**.\n\n- You get an email before planting\n- Planting is in April or October', es: 'Un forestal lo visita en **4 semanas**.\n\n- Recibe un correo antes de plantar\n- Se planta en abril u octubre' },
};

export const receipt: FormReceipt = { reference: 'STR-2026-000042', status: 'received' };

export const catalog: FormSummary[] = [
  { slug: 'block-party-permit', title: 'Block party permit', summary: 'Close your street for a neighborhood party.', category: 'permits', category_name: 'Permits and licences', languages: ['en', 'es'] },
  { slug: 'dumpster-permit', title: 'Dumpster on the street permit', summary: 'Put a dumpster or storage container on a city street.', category: 'permits', category_name: 'Permits and licences', languages: ['en', 'es'] },
  { slug: 'property-tax-relief-elderly', title: 'Elderly homeowner property tax relief', summary: 'A tax credit on your home if you are 65 or older.', category: 'taxes', category_name: 'Taxes and assessments', languages: ['en', 'es'] },
  { slug: 'contact-the-mayor', title: 'Contact the Mayor’s office', category: 'contact', category_name: 'Contact the city', languages: ['en', 'es'] },
];

const never = () => new Promise<never>(() => {});

export function formsBackend(o: Partial<FormsBackend> = {}): FormsBackend {
  return {
    catalog: async () => catalog,
    definition: async () => sampleForm,
    submit: async () => receipt,
    submission: async () => undefined,
    ...o,
  };
}

export { never };
