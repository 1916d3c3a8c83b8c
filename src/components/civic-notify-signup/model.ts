import type { NotifyFrequency, NotifyTopic, NotifyTopicChoice, NotifyTopicsResponse } from '../../api/notify/types.js';
import type { FlowDraft } from '../../core/forms/draft.js';
import type { StepError } from '../../core/forms/flow.js';
import type { FieldSpec, FieldValue } from '../../core/forms/schema.js';
import { textRuleChecks, validateFieldsWith } from '../../core/forms/schema.js';
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

/** A step's problems: its fields' rules, and at least one topic on the topics step. */
export function signupErrors(t: Translate, step: SignupStep, specs: readonly FieldSpec[], topics: NotifyTopicsResponse, values: Readonly<Record<string, FieldValue>>, locale: string): StepError<SignupStep>[] {
  const errors = validateFieldsWith(textRuleChecks, t, step, specs, values, locale);
  if (step === 'topics' && chosenTopics(topics, values).length === 0 && specs[0]) errors.unshift({ step, id: specs[0].id, message: t('notifyErrorTopics') });
  return errors;
}

export const textOf = text;
export const listOf = list;

/** The contract's language for the widget's locale (messages are written in English or Spanish). */
export const languageOf = (locale: string): 'en' | 'es' => (locale.toLowerCase().startsWith('es') ? 'es' : 'en');
