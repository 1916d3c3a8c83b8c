import type { Message } from '../../core/locales/en.js';

/**
 * `<civic-form>`'s and `<civic-form-list>`'s own words (a definition brings the form's). English
 * is the source of truth for the keys: Spanish is typed against it.
 */
const en = {
  civicFormNotFound: 'This form is not available. It may have been withdrawn: check the list of forms.',
  civicFormBadDefinition: 'This form cannot be shown because its definition has mistakes. The city’s web team needs to fix them:',
  civicFormYes: 'Yes',
  civicFormNo: 'No',
  civicFormAddress_line1: 'Address line 1',
  civicFormAddress_line2: 'Address line 2',
  civicFormAddress_city: 'Town or city',
  civicFormAddress_state: 'State',
  civicFormAddress_zip: 'ZIP code',
  civicFormErrorZip: 'Enter a ZIP code, like 06103',
  civicFormNameFirst: 'First name',
  civicFormNameLast: 'Last name',
  civicFormAdded: { one: 'You have added 1 answer', other: 'You have added {count} answers' },
  civicFormEntry: '{label} {number}',
  civicFormRemove: 'Remove',
  civicFormRemoved: 'Removed {label}',
  civicFormAddAnother: 'Do you need to add another?',
  civicFormErrorAddAnother: 'Select yes if you need to add another',
  civicFormMaxReached: 'You have added the most this form takes ({max}).',
  civicFormSend: 'Send',
  civicFormAgreeSend: 'Agree and send',
  civicFormDeclarationTitle: 'Declaration',
  civicFormSaveLater: 'Save and come back later',
  civicFormSaveTitle: 'Come back to this form later',
  civicFormSaveText:
    'Your answers are kept on this device. To carry on on another device, copy this link or send it to yourself. Anyone with the link can see your answers. Files you attached are not in the link: you will need to add them again.',
  civicFormSaveLink: 'Link to your answers',
  civicFormSaveClose: 'Back to the form',
  civicFormResumed: 'Your saved answers are back. Check them before you send the form.',
  civicFormResumeBad: 'The link to your saved answers is not complete. Use the whole link, or start the form again.',
  civicFormUploading: '{percent}% sent',
  civicFormUploadLabel: 'Sending your form',
  civicFormSendFailed: 'Your form was not sent. Nothing you entered has been lost.',
  civicFormDoneTitle: 'Form sent',
  civicFormDoneReference: 'Your reference number',
  civicFormDoneNext: 'What happens next',
  civicFormDoneTrack: 'Check the progress of your form',
  civicFormAnother: 'Fill in this form again',
  civicFormStartOver: 'Start again',
  civicFormPrivacy: 'How the city uses your information',
  civicFormListTitle: 'Forms',
  civicFormListSearch: 'Search forms',
  civicFormListSearchHint: 'For example, “parking permit” or “tax relief”',
  civicFormListCount: { one: '1 form found', other: '{count} forms found' },
  civicFormListNone: 'No forms match “{query}”. Check the spelling or try other words.',
  civicFormListEmpty: 'The city has not published any forms yet.',
  civicFormCategory_permits: 'Permits and licences',
  civicFormCategory_taxes: 'Taxes and benefits',
  civicFormCategory_contact: 'Contact the city',
  civicFormCategory_youth: 'Youth and families',
  civicFormCategory_meetings: 'Public meetings',
  civicFormCategory_other: 'Other forms',
} satisfies Record<string, Message>;

/** English now; Spanish loads when a widget speaks it. */
export const formMessages = { en, es: () => import('./strings.es.js').then((m) => m.es) };

export type FormMessages = typeof en;
declare module '../../core/i18n.js' {
  interface CivicMessages extends FormMessages {}
}
