import type { NotifyArea, NotifyChannel, NotifyFrequency, NotifyTopic, NotifyTopicChoice, NotifyTopicsResponse } from '../../api/notify/types.js';
import type { FlowDraft } from '../../core/forms/draft.js';
import type { StepError } from '../../core/forms/flow.js';
import type { FieldSpec, FieldValue } from '../../core/forms/schema.js';
import { validateFields } from '../../core/forms/schema.js';
import type { MessageKey, Translate } from '../../core/i18n.js';

/** The sign-up steps, in order; `sent` is "Check your email". */
export type SignupStep = 'topics' | 'area' | 'channels' | 'review' | 'sent';

/** A place the geocoder found for the typed address. */
export interface FoundPlace {
  label: string;
  lat: number;
  long: number;
}

export interface SignupDraft extends FlowDraft<SignupStep> {
  /** Answers by field id: `topics-<group>`, `frequency-<topic>`, `area_kind`, `address`, `radius_m`, `neighbourhood`, `channels`, `email`, `phone`, `sms_consent`. */
  values: Record<string, FieldValue>;
  /** What the geocoder found for `placesFor` (the typed address), for the resident to choose from. */
  places?: FoundPlace[];
  placesFor?: string;
}

export const emptySignupDraft = (): SignupDraft => ({ step: 'topics', values: { area_kind: 'everywhere', radius_m: '500', channels: ['email'] } });

const RADII = [250, 500, 1000, 2000];
const list = (v: FieldValue): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const text = (v: FieldValue): string => (typeof v === 'string' ? v.trim() : '');

/** The topics chosen, across groups, with the frequency of each (emergency topics always immediate). */
export function chosenTopics(topics: NotifyTopicsResponse, values: Readonly<Record<string, FieldValue>>): NotifyTopicChoice[] {
  const chosen = new Set(topics.groups.flatMap((g) => list(values[`topics-${g.id}`])));
  return topics.topics
    .filter((topic) => chosen.has(topic.id))
    .map((topic) => ({ id: topic.id, frequency: frequencyOf(topic, values[`frequency-${topic.id}`]) }));
}

export function frequencyOf(topic: NotifyTopic, value: FieldValue): NotifyFrequency {
  if (topic.always_immediate) return 'immediate';
  const v = text(value) as NotifyFrequency;
  return topic.frequencies.includes(v) ? v : (topic.frequencies[0] ?? 'immediate');
}

export const FREQUENCY_KEY: Record<NotifyFrequency, MessageKey> = { immediate: 'notifyImmediate', daily: 'notifyDaily', weekly: 'notifyWeekly' };

/** Whether any chosen topic can be limited to an area: only then is the area step asked. */
export function asksArea(topics: NotifyTopicsResponse, values: Readonly<Record<string, FieldValue>>): boolean {
  const ids = new Set(chosenTopics(topics, values).map((c) => c.id));
  return topics.topics.some((topic) => ids.has(topic.id) && topic.area);
}

/** The topic checkboxes of each group, each chosen topic followed by its frequency (when it has a choice). */
export function topicFields(t: Translate, topics: NotifyTopicsResponse, values: Readonly<Record<string, FieldValue>>): { group: FieldSpec; frequencies: FieldSpec[] }[] {
  return topics.groups
    .map((g) => {
      const members = topics.topics.filter((topic) => topic.group === g.id);
      const chosen = list(values[`topics-${g.id}`]);
      const group: FieldSpec = {
        id: `topics-${g.id}`,
        type: 'checkboxes',
        label: g.name,
        hint: t('formChooseAll'),
        choices: members.map((topic) => ({ value: topic.id, label: topic.name, hint: topic.always_immediate ? `${topic.description} ${t('notifyAlwaysImmediate')}` : topic.description })),
      };
      const frequencies = members
        .filter((topic) => chosen.includes(topic.id) && !topic.always_immediate && topic.frequencies.length > 1)
        .map((topic): FieldSpec => ({
          id: `frequency-${topic.id}`,
          type: 'radios',
          label: t('notifyFrequencyLabel', { topic: topic.name }),
          choices: topic.frequencies.map((f) => ({ value: f, label: t(FREQUENCY_KEY[f]) })),
        }));
      return { group, frequencies, size: members.length };
    })
    .filter((g) => g.size > 0);
}

/** The area step's fields: everywhere, near an address (with a radius) or a neighbourhood. */
export function areaFields(t: Translate, topics: NotifyTopicsResponse, values: Readonly<Record<string, FieldValue>>, places: readonly FoundPlace[] | undefined, canGeocode: boolean): FieldSpec[] {
  const hoods = topics.neighbourhoods ?? [];
  const kinds = [
    { value: 'everywhere', label: t('notifyAreaEverywhere') },
    ...(canGeocode ? [{ value: 'address', label: t('notifyAreaAddress') }] : []),
    ...(hoods.length ? [{ value: 'neighbourhood', label: t('notifyAreaNeighbourhood') }] : []),
  ];
  const kind = text(values.area_kind);
  const fields: FieldSpec[] = [{ id: 'area_kind', type: 'radios', label: t('notifyAreaLabel'), hint: t('notifyAreaHint'), choices: kinds }];
  if (kind === 'address') {
    fields.push({ id: 'address', type: 'text', label: t('notifyAddressLabel'), hint: t('notifyAddressHint'), autocomplete: 'street-address', rules: [{ rule: 'required', message: 'notifyErrorAddress' }, { rule: 'maxLength', max: 200 }] });
    if (places?.length) {
      fields.push({ id: 'place', type: 'radios', label: t('notifyPlaceLabel'), choices: places.map((p, i) => ({ value: String(i), label: p.label })), rules: [{ rule: 'required', message: 'notifyErrorPlace' }] });
    }
    fields.push({
      id: 'radius_m',
      type: 'select',
      label: t('notifyRadiusLabel'),
      choices: RADII.map((m) => ({ value: String(m), label: new Intl.NumberFormat(undefined, { style: 'unit', unit: m >= 1000 ? 'kilometer' : 'meter' }).format(m >= 1000 ? m / 1000 : m) })),
    });
  }
  if (kind === 'neighbourhood') {
    fields.push({ id: 'neighbourhood', type: 'select', label: t('notifyNeighbourhoodLabel'), choices: hoods.map((h) => ({ value: h.id, label: h.name })), rules: [{ rule: 'required', message: 'notifyErrorNeighbourhood' }] });
  }
  return fields;
}

/** The channels step's fields; the SMS consent box is rendered beside its text by the element. */
export function channelFields(t: Translate, topics: NotifyTopicsResponse, values: Readonly<Record<string, FieldValue>>): FieldSpec[] {
  const channels = list(values.channels);
  const offered = topics.channels.filter((c) => c === 'email' || (c === 'sms' && topics.consent.sms));
  const fields: FieldSpec[] = [
    {
      id: 'channels',
      type: 'checkboxes',
      label: t('notifyChannelsLabel'),
      hint: t('formChooseAll'),
      choices: offered.map((c) => ({ value: c, label: t(c === 'email' ? 'notifyChannelEmail' : 'notifyChannelSms') })),
      rules: [{ rule: 'required', message: 'notifyErrorChannels' }],
    },
  ];
  if (channels.includes('email')) {
    fields.push({ id: 'email', type: 'email', label: t('notifyEmailLabel'), autocomplete: 'email', rules: [{ rule: 'required', message: 'notifyErrorEmail' }, { rule: 'email', message: 'notifyErrorEmailFormat' }, { rule: 'maxLength', max: 254 }] });
  }
  if (channels.includes('sms')) {
    fields.push({ id: 'phone', type: 'tel', label: t('notifyPhoneLabel'), hint: t('notifyPhoneHint'), autocomplete: 'tel', rules: [{ rule: 'required', message: 'notifyErrorPhone' }, { rule: 'phone', message: 'notifyErrorPhoneFormat' }, { rule: 'maxLength', max: 40 }] });
    fields.push({ id: 'sms_consent', type: 'checkboxes', label: t('notifyConsentLegend'), choices: [{ value: 'yes', label: t('notifyConsentBox') }], rules: [{ rule: 'required', message: 'notifyErrorConsent' }] });
  }
  return fields;
}

/** A step's problems: its fields' rules, and at least one topic on the topics step. */
export function signupErrors(t: Translate, step: SignupStep, specs: readonly FieldSpec[], topics: NotifyTopicsResponse, values: Readonly<Record<string, FieldValue>>, locale: string): StepError<SignupStep>[] {
  const errors = validateFields(t, step, specs, values, locale);
  if (step === 'topics' && chosenTopics(topics, values).length === 0 && specs[0]) errors.unshift({ step, id: specs[0].id, message: t('notifyErrorTopics') });
  return errors;
}

/** The area the resident chose, as the contract names it. */
export function areaOf(values: Readonly<Record<string, FieldValue>>, places: readonly FoundPlace[] | undefined): NotifyArea | undefined {
  const kind = text(values.area_kind);
  if (kind === 'neighbourhood' && text(values.neighbourhood)) return { neighbourhood: text(values.neighbourhood) };
  const place = places?.[Number(text(values.place) || '0')];
  if (kind === 'address' && place) return { address: place.label, lat: place.lat, long: place.long, radius_m: Number(text(values.radius_m)) || 500 };
  return undefined;
}

export function channelsOf(values: Readonly<Record<string, FieldValue>>): NotifyChannel[] {
  return list(values.channels).filter((c): c is NotifyChannel => c === 'email' || c === 'sms');
}

export const textOf = text;
export const listOf = list;

/** The contract's language for the widget's locale (messages are written in English or Spanish). */
export const languageOf = (locale: string): 'en' | 'es' => (locale.toLowerCase().startsWith('es') ? 'es' : 'en');
