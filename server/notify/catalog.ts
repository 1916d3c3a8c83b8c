import { readFileSync } from 'node:fs';
import type { NotifyFrequency, NotifyTopicsResponse } from '../../src/api/notify/types.js';
import type { Language } from './messages.js';

type Localized = Record<Language, string>;

export interface TopicDef {
  id: string;
  group: string;
  area: boolean;
  always_immediate: boolean;
  frequencies: NotifyFrequency[];
  name: Localized;
  description: Localized;
}

export interface NeighbourhoodDef {
  id: string;
  name: Localized;
  lat: number;
  long: number;
  radius_m: number;
}

interface SeedFile {
  groups: Array<{ id: string; name: Localized }>;
  topics: TopicDef[];
  neighbourhoods: NeighbourhoodDef[];
  sms_consent: { id: string; text: Localized; terms_path: string; privacy_path: string };
}

/** The city's topics, neighbourhoods and consent text: data in seed.json, read once. */
export const catalog = JSON.parse(readFileSync(new URL('./seed.json', import.meta.url), 'utf8')) as SeedFile;

export const CONFIRMATION_HOURS = 72;
export const MIN_RADIUS_M = 100;
export const MAX_RADIUS_M = 5000;
/** A generous box around the city: a point outside it is a typo, not a resident's street. */
export const CITY_BOX = { south: 41.68, north: 41.83, west: -72.75, east: -72.6 };

export const topicById = new Map(catalog.topics.map((t) => [t.id, t]));
export const neighbourhoodById = new Map(catalog.neighbourhoods.map((n) => [n.id, n]));

export function topicsResponse(language: Language, origin: string): NotifyTopicsResponse {
  const consent = catalog.sms_consent;
  return {
    groups: catalog.groups.map((g) => ({ id: g.id, name: g.name[language] })),
    topics: catalog.topics.map((t) => ({
      id: t.id,
      group: t.group,
      name: t.name[language],
      description: t.description[language],
      frequencies: t.always_immediate ? ['immediate'] : t.frequencies,
      area: t.area,
      always_immediate: t.always_immediate,
    })),
    channels: ['email', 'sms'],
    neighbourhoods: catalog.neighbourhoods.map((n) => ({ id: n.id, name: n.name[language] })),
    consent: {
      sms: { id: consent.id, text: consent.text[language], terms_url: `${origin}${consent.terms_path}`, privacy_url: `${origin}${consent.privacy_path}` },
    },
    confirmation_hours: CONFIRMATION_HOURS,
    max_radius_m: MAX_RADIUS_M,
  };
}

export function topicName(id: string, language: Language): string {
  return topicById.get(id)?.name[language] ?? id;
}
