/**
 * The wire shapes of the notifications contract (`/notify/v1`), as server/README.md documents them.
 * Interim copy from the contract outline; the backend's committed types replace it.
 */

export type NotifyChannel = 'email' | 'sms';
export type NotifyFrequency = 'immediate' | 'daily' | 'weekly';

export interface NotifyGroup {
  id: string;
  name: string;
}

export interface NotifyTopic {
  id: string;
  group: string;
  name: string;
  description: string;
  /** The frequencies a subscriber may choose; one entry means there is no choice. */
  frequencies: NotifyFrequency[];
  /** Whether the topic can be limited to an area. */
  area: boolean;
  /** Emergency alerts: always sent at once, whatever the subscriber chose. */
  always_immediate: boolean;
}

export interface NotifyNeighbourhood {
  id: string;
  name: string;
}

export interface NotifySmsConsent {
  /** Sent back as `sms_consent`, so the consent log records the exact words shown. */
  id: string;
  text: string;
  terms_url: string;
  privacy_url: string;
}

/** `GET topics.json`. */
export interface NotifyTopics {
  groups: NotifyGroup[];
  topics: NotifyTopic[];
  channels: NotifyChannel[];
  consent: { sms?: NotifySmsConsent };
  /** Hours a confirmation link stays valid. */
  confirmation_hours: number;
  /** Neighbourhoods an area can be, when the city has them. */
  neighbourhoods?: NotifyNeighbourhood[];
}

export type NotifyArea = { address: string; lat: number; long: number; radius_m: number } | { neighbourhood: string };

export interface NotifyTopicChoice {
  id: string;
  frequency: NotifyFrequency;
}

/** `POST subscriptions.json`. */
export interface NotifySubscriptionInput {
  email?: string;
  phone?: string;
  topics: NotifyTopicChoice[];
  area?: NotifyArea;
  language: string;
  page_url: string;
  /** The id of the SMS consent text shown next to the box the resident ticked. */
  sms_consent?: string;
}

/** `202` of a subscription, a resend or a follow. */
export interface NotifyPending {
  status: 'pending';
  channels?: NotifyChannel[];
}

/** `POST confirm.json`. */
export interface NotifyConfirmation {
  status: 'confirmed';
  manage_token: string;
}

/** `GET manage/{token}.json`: email and phone masked. */
export interface NotifySubscription {
  topics: NotifyTopicChoice[];
  area: NotifyArea | null;
  channels: NotifyChannel[];
  language: string;
  email?: string | null;
  phone?: string | null;
}

/** `PUT manage/{token}.json`: any subset. */
export interface NotifySubscriptionUpdate {
  topics?: NotifyTopicChoice[];
  area?: NotifyArea | null;
  channels?: NotifyChannel[];
  language?: string;
}

/** `POST follows.json`. */
export interface NotifyFollowInput {
  kind: 'service_request' | 'records_request';
  id: string;
  email?: string;
  phone?: string;
  language: string;
  page_url: string;
  sms_consent?: string;
}
