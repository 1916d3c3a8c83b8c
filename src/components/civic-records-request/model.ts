import type { RecordsDiscovery, RecordsRequestInput } from '../../api/records/client.js';
import type { FlowDraft } from '../../core/forms/draft.js';
import { dateFromParts, isDateParts, type FieldSpec, type FieldValue } from '../../core/forms/schema.js';
import type { Translate } from '../../core/i18n.js';

/** The steps of a records request, in order; `done` is the confirmation. */
export type RecordsStep = 'describe' | 'delivery' | 'files' | 'contact' | 'review' | 'done';

export interface RecordsDraft extends FlowDraft<RecordsStep> {
  /** Answers by field id (FOIA.gov's names). */
  values: Record<string, FieldValue>;
}

export const emptyRecordsDraft = (): RecordsDraft => ({ step: 'describe', values: { delivery_format: 'electronic', fee_waiver: 'no', expedited_processing: 'no' } });

const MB = 1024 * 1024;
export const MAX_DESCRIPTION = 10_000;

/** Every step's fields, from what the backend offers and in the widget's language. */
export function recordsFields(t: Translate, discovery: RecordsDiscovery | undefined, contactRequired: boolean): Record<Exclude<RecordsStep, 'review' | 'done'>, FieldSpec[]> {
  const yesNo = [
    { value: 'yes', label: t('recordsYes') },
    { value: 'no', label: t('recordsNo') },
  ];
  const limits = discovery?.limits ?? { request_description: MAX_DESCRIPTION, attachments: 5, attachment_bytes: 10 * MB };
  const sizeText = new Intl.NumberFormat(undefined, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 0 }).format(limits.attachment_bytes / MB);
  const requiredAs = (message: 'recordsErrorFirstName' | 'recordsErrorLastName') => (contactRequired ? [{ rule: 'required' as const, message }] : []);
  return {
    describe: [
      {
        id: 'request_description',
        type: 'textarea',
        label: t('recordsDescriptionLabel'),
        hint: t('recordsDescriptionHint'),
        rows: 8,
        rules: [
          { rule: 'required', message: 'recordsErrorDescription' },
          { rule: 'minLength', min: 20, message: 'recordsErrorDescriptionShort' },
          { rule: 'maxLength', max: limits.request_description, message: 'recordsErrorDescriptionLong' },
        ],
      },
      {
        id: 'department',
        type: 'select',
        label: t('recordsDepartmentLabel'),
        hint: t('recordsDepartmentHint'),
        optional: true,
        choices: (discovery?.departments ?? []).map((d) => ({ value: d.code, label: d.name })),
      },
      { id: 'date_range_start', type: 'date', label: t('recordsFromLabel'), optional: true, rules: [{ rule: 'date', message: 'recordsErrorFrom' }] },
      { id: 'date_range_end', type: 'date', label: t('recordsToLabel'), optional: true, rules: [{ rule: 'date', message: 'recordsErrorTo' }] },
    ],
    delivery: [
      {
        id: 'delivery_format',
        type: 'radios',
        label: t('recordsDeliveryLabel'),
        choices: (discovery?.delivery_formats ?? []).map((d) => ({ value: d.code, label: d.name })),
        rules: [{ rule: 'required', message: 'recordsErrorDelivery' }],
      },
      {
        id: 'fee_amount_willing',
        type: 'number',
        label: t('recordsFeeLabel'),
        hint: t('recordsFeeHint'),
        optional: true,
        rules: [{ rule: 'number', min: 0, max: 1_000_000, decimals: 2, message: 'recordsErrorFee', rangeMessage: 'recordsErrorFee' }],
      },
      { id: 'fee_waiver', type: 'radios', label: t('recordsWaiverLabel'), hint: t('recordsWaiverHint'), choices: yesNo },
      {
        id: 'fee_waiver_explanation',
        type: 'textarea',
        label: t('recordsWaiverExplanationLabel'),
        rows: 4,
        shownWhen: { field: 'fee_waiver', equals: 'yes' },
        rules: [{ rule: 'required', message: 'recordsErrorWaiver' }, { rule: 'maxLength', max: 5000 }],
      },
      { id: 'expedited_processing', type: 'radios', label: t('recordsExpeditedLabel'), hint: t('recordsExpeditedHint'), choices: yesNo },
      {
        id: 'expedited_processing_explanation',
        type: 'textarea',
        label: t('recordsExpeditedExplanationLabel'),
        rows: 4,
        shownWhen: { field: 'expedited_processing', equals: 'yes' },
        rules: [{ rule: 'required', message: 'recordsErrorExpedited' }, { rule: 'maxLength', max: 5000 }],
      },
    ],
    files: [
      {
        id: 'attachments',
        type: 'file',
        label: t('recordsFilesLabel'),
        hint: t('recordsFilesHint', { count: limits.attachments, size: sizeText }),
        optional: true,
        multiple: true,
        accept: (discovery?.attachment_types ?? ['application/pdf', 'image/*', 'text/plain']).join(','),
        rules: [
          { rule: 'fileType', types: discovery?.attachment_types ?? ['application/pdf', 'image/jpeg', 'image/png', 'text/plain'], typesText: t('recordsFilesTypes') },
          { rule: 'fileSize', maxBytes: limits.attachment_bytes },
          { rule: 'fileCount', max: limits.attachments },
        ],
      },
    ],
    contact: [
      { id: 'name_first', type: 'text', label: t('recordsFirstName'), autocomplete: 'given-name', optional: !contactRequired, rules: [...requiredAs('recordsErrorFirstName'), { rule: 'maxLength', max: 100 }] },
      { id: 'name_last', type: 'text', label: t('recordsLastName'), autocomplete: 'family-name', optional: !contactRequired, rules: [...requiredAs('recordsErrorLastName'), { rule: 'maxLength', max: 100 }] },
      { id: 'email', type: 'email', label: t('recordsEmail'), hint: t('recordsEmailHint'), autocomplete: 'email', optional: true, rules: [{ rule: 'email' }, { rule: 'maxLength', max: 254 }] },
      { id: 'phone_number', type: 'tel', label: t('recordsPhone'), autocomplete: 'tel', optional: true, rules: [{ rule: 'phone' }, { rule: 'maxLength', max: 40 }] },
      { id: 'address_line1', type: 'text', label: t('recordsAddress'), autocomplete: 'address-line1', optional: true, rules: [{ rule: 'maxLength', max: 200 }] },
      { id: 'address_city', type: 'text', label: t('recordsCity'), autocomplete: 'address-level2', optional: true, rules: [{ rule: 'maxLength', max: 100 }] },
      { id: 'address_state_province', type: 'text', label: t('recordsState'), autocomplete: 'address-level1', optional: true, rules: [{ rule: 'maxLength', max: 100 }] },
      { id: 'address_zip_postal_code', type: 'text', label: t('recordsZip'), autocomplete: 'postal-code', inputmode: 'numeric', optional: true, rules: [{ rule: 'maxLength', max: 20 }] },
    ],
  };
}

const text = (v: FieldValue): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const date = (v: FieldValue): string | undefined => (isDateParts(v) ? (dateFromParts(v) ?? undefined) : undefined);

/** The draft's answers as the contract's fields. */
export function recordsInput(values: Record<string, FieldValue>): RecordsRequestInput {
  const input: RecordsRequestInput = { request_description: text(values.request_description) ?? '' };
  const put = (key: keyof RecordsRequestInput, value: string | undefined) => {
    if (value !== undefined) (input as unknown as Record<string, unknown>)[key] = value;
  };
  put('date_range_start', date(values.date_range_start));
  put('date_range_end', date(values.date_range_end));
  for (const key of ['department', 'delivery_format', 'name_first', 'name_last', 'email', 'phone_number', 'address_line1', 'address_city', 'address_state_province', 'address_zip_postal_code'] as const) {
    put(key, text(values[key]));
  }
  const fee = text(values.fee_amount_willing)?.replace(/^\$/, '').replace(',', '.');
  if (fee) input.fee_amount_willing = fee;
  if (values.fee_waiver === 'yes') {
    input.fee_waiver = true;
    put('fee_waiver_explanation', text(values.fee_waiver_explanation));
  }
  if (values.expedited_processing === 'yes') {
    input.expedited_processing = true;
    put('expedited_processing_explanation', text(values.expedited_processing_explanation));
  }
  return input;
}

export function attachmentsOf(values: Record<string, FieldValue>): File[] {
  const v = values.attachments;
  return Array.isArray(v) ? v.filter((f): f is File => typeof f !== 'string') : [];
}
