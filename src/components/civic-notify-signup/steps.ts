import type { NotifyArea, NotifyChannel, NotifyTopicsResponse } from '../../api/notify/types.js';
import type { FieldSpec, FieldValue } from '../../core/forms/schema.js';
import type { Translate } from '../../core/i18n.js';
import type { FoundPlace } from './model.js';

/**
 * The fields of the sign-up's later steps (where, how to reach you), which the manage page
 * shares. Loaded after the first screen, with the code of those steps.
 */

const RADII = [250, 500, 1000, 2000];
const list = (v: FieldValue): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const text = (v: FieldValue): string => (typeof v === 'string' ? v.trim() : '');

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


/** Places for a typed address; the geocoder's code loads only when someone asks for an area near an address. */
export async function findPlaces(url: string, typed: string, locale: string): Promise<FoundPlace[]> {
  const { NominatimGeocoder, shortAddress } = await import('../../api/geocoder.js');
  const results = await new NominatimGeocoder({ url }).search(typed, { limit: 5, lang: locale });
  return results.map((r) => ({ label: shortAddress(r), lat: r.lat, long: r.long }));
}
