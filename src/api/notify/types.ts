/**
 * Wire types of the notify contract (`/notify/v1/`): subscriptions to city topics, follows of a
 * request, double opt-in, management by token, one-click unsubscribe. Shapes only; the client
 * lives next to this file. server/README.md ("Notifications at /notify/v1") documents every call.
 */

/** The languages the reference backend writes messages in; a subscriber's messages use theirs. */
export type NotifyLanguage = 'en' | 'es';

/** How a message reaches a subscriber. */
export type NotifyChannel = 'email' | 'sms';

/** How often a topic's messages are sent: one by one, or gathered in a daily or weekly digest. */
export type NotifyFrequency = 'immediate' | 'daily' | 'weekly';

/** A heading topics are grouped under (`GET topics.json`). */
export interface NotifyTopicGroup {
  id: string;
  /** In the language asked for. */
  name: string;
}

/** A topic a resident can subscribe to. */
export interface NotifyTopic {
  id: string;
  /** The `id` of its `NotifyTopicGroup`. */
  group: string;
  name: string;
  description: string;
  /** The frequencies this topic offers; the first is the default. `["immediate"]` when `always_immediate`. */
  frequencies: NotifyFrequency[];
  /** Whether messages of this topic can be limited to an area (near an address, a neighbourhood). */
  area: boolean;
  /** Emergency alerts: always sent at once, never in a digest. */
  always_immediate: boolean;
}

/** A neighbourhood a subscription can be limited to. */
export interface NotifyNeighbourhood {
  id: string;
  name: string;
}

/**
 * The consent text the rules require next to the (unticked) text-message box. Show `text`
 * exactly, with links to `terms_url` and `privacy_url`, and send back `id` as `sms_consent`:
 * the consent log stores the text of that id as what the resident agreed to.
 */
export interface NotifySmsConsent {
  id: string;
  text: string;
  terms_url: string;
  privacy_url: string;
}

/** `GET topics.json?lang=en|es` (or `Accept-Language`). */
export interface NotifyTopicsResponse {
  groups: NotifyTopicGroup[];
  topics: NotifyTopic[];
  /** Channels this backend offers. */
  channels: NotifyChannel[];
  neighbourhoods: NotifyNeighbourhood[];
  consent: { sms: NotifySmsConsent };
  /** How long a confirmation link or text stays valid: 72. */
  confirmation_hours: number;
  /** Largest `radius_m` of an area near an address. */
  max_radius_m: number;
}

/** Messages near a typed address: within `radius_m` metres of the point. */
export interface NotifyAreaNear {
  address: string;
  lat: number;
  long: number;
  radius_m: number;
}

/** Messages for one neighbourhood (an `id` of `NotifyTopicsResponse.neighbourhoods`). */
export interface NotifyAreaNeighbourhood {
  neighbourhood: string;
}

/** Where a subscription's area-limited topics apply; `null` or absent means the whole city. */
export type NotifyArea = NotifyAreaNear | NotifyAreaNeighbourhood;

/** One chosen topic and how often. An `always_immediate` topic takes only `immediate`. */
export interface NotifyTopicChoice {
  id: string;
  frequency: NotifyFrequency;
}

/**
 * `POST subscriptions.json`. At least one of `email`, `phone`; `phone` needs `sms_consent`
 * (the `id` of the consent text shown). `page_url` is the page the form was on, for the consent log.
 */
export interface NotifySubscriptionRequest {
  email?: string;
  /** A North American number (`860 555 0100`, `+18605550100`) or any `+` E.164 number. */
  phone?: string;
  topics: NotifyTopicChoice[];
  area?: NotifyArea | null;
  language: NotifyLanguage;
  page_url: string;
  sms_consent?: string;
}

/**
 * The 202 answer of `POST subscriptions.json`, `POST follows.json` and `POST resend.json`:
 * identical whether or not the address or number is already known (no enumeration).
 * `channels` lists where a confirmation was asked for (email: "check your email";
 * sms: "reply YES to the text we sent").
 */
export interface NotifyPendingResponse {
  status: 'pending';
  channels: NotifyChannel[];
}

/** `POST confirm.json`. `token` comes from the confirmation link (`?confirm=TOKEN`). */
export interface NotifyConfirmRequest {
  token: string;
}

/** 200 of `POST confirm.json`: keep `manage_token` for the manage page (`?manage=TOKEN`). */
export interface NotifyConfirmResponse {
  status: 'confirmed';
  manage_token: string;
  /** What was confirmed: topics of a subscription, or a follow. */
  kind: 'subscription' | 'follow';
}

/** `POST resend.json`: a new confirmation (or, for a confirmed address, a manage link). Always 202. */
export interface NotifyResendRequest {
  email?: string;
  phone?: string;
  language: NotifyLanguage;
}

/** What can be followed: an Open311 service request or a public-records request. */
export type NotifyFollowKind = 'service_request' | 'records_request';

/**
 * `POST follows.json`: "email (or text) me when this changes". `id` is the Open311
 * `service_request_id` or the records `tracking_number`. Double opt-in like a subscription;
 * `phone` needs `sms_consent`. Answer: 202 `NotifyPendingResponse`.
 */
export interface NotifyFollowRequest {
  kind: NotifyFollowKind;
  id: string;
  email?: string;
  phone?: string;
  language: NotifyLanguage;
  page_url: string;
  sms_consent?: string;
}

/** A request the subscriber follows. */
export interface NotifyFollow {
  kind: NotifyFollowKind;
  id: string;
}

/** A channel of a managed subscription; the address is masked (`j•••@e•••.org`, `•••• 0100`). */
export interface NotifyManagedChannel {
  channel: NotifyChannel;
  address_masked: string;
  /** `pending`: not confirmed yet; `stopped`: ended by STOP (only START by text restarts it). */
  status: 'pending' | 'active' | 'unsubscribed' | 'stopped';
}

/** `GET manage/{manage_token}.json`, and the 200 of `PUT`/`DELETE`/`unsubscribe.json` on it. */
export interface NotifySubscriptionView {
  /** `unsubscribed` once it has no topic and no follow left (or after DELETE). */
  status: 'active' | 'unsubscribed';
  language: NotifyLanguage;
  channels: NotifyManagedChannel[];
  topics: NotifyTopicChoice[];
  area: NotifyArea | null;
  follows: NotifyFollow[];
}

/** Turns one channel the subscription has on (it gets the subscription's topics) or off. */
export interface NotifyChannelSwitch {
  channel: NotifyChannel;
  enabled: boolean;
}

/**
 * A channel to add to a managed subscription: one new `email`, or one new `phone` with
 * `sms_consent` (the `id` of the consent text shown). Nothing is sent there until the new
 * address confirms (a confirmation email, or "reply YES"); until then the answer lists it as
 * `pending`, the same whether or not the address was already known.
 */
export interface NotifyAddChannel {
  email?: string;
  phone?: string;
  sms_consent?: string;
  /** The page the form was on, for the consent log. */
  page_url?: string;
}

/**
 * `PUT manage/{manage_token}.json`: every field optional; a given field replaces what is stored
 * (`topics: []` leaves every topic, `area: null` means the whole city). Topics, area and language
 * apply to every channel that is on. Every channel off is unsubscribing from everything.
 */
export interface NotifySubscriptionUpdate {
  topics?: NotifyTopicChoice[];
  area?: NotifyArea | null;
  language?: NotifyLanguage;
  /** Follows to keep (others end); a follow cannot be added here, only through `POST follows.json`. */
  follows?: NotifyFollow[];
  /** Channels to switch on or off (a number stopped by STOP restarts only by texting START). */
  channels?: NotifyChannelSwitch[];
  /** A channel the subscription does not have yet. */
  add?: NotifyAddChannel;
}

/** `POST manage/{manage_token}/unsubscribe.json`: leave one topic or follow, or (neither) everything. */
export interface NotifyUnsubscribeRequest {
  topic?: string;
  follow?: NotifyFollow;
}

/** `POST unsubscribe/{token}` (RFC 8058 one-click) answers 200 with this JSON (or a short HTML page to a browser form). */
export interface NotifyOneClickResponse {
  status: 'unsubscribed';
  /** What was left: one topic, one follow, everything, or (the link of a confirmation email) the signup it asked to confirm. */
  scope: 'topic' | 'follow' | 'all' | 'signup';
}

/** Error codes of the notify contract, in `NotifyError.code`. */
export type NotifyErrorCode =
  | 'required'
  | 'invalid'
  | 'unknown_topic'
  | 'consent_required'
  | 'too_long'
  | 'body'
  | 'not_found'
  | 'expired'
  | 'used'
  | 'stopped'
  | 'unauthorized'
  | 'staff_disabled'
  | 'rate_limited'
  | 'server';

/** One error: `field` names the input (`email`, `topics[2].frequency`, `token`…), `message` is in the request's language. */
export interface NotifyError {
  field: string;
  code: NotifyErrorCode;
  message: string;
}

/** Every 4xx/5xx of `/notify/v1/`: 400 bad input, 401/403 staff, 404 unknown token or path, 410 expired/used token, 413, 429. */
export interface NotifyErrorResponse {
  errors: NotifyError[];
}

/** Text in both languages of the backend. */
export interface NotifyLocalized {
  en: string;
  es: string;
}

/** Staff: `POST messages.json` (`Authorization: Bearer STAFF_TOKEN`). `area` limits it to subscribers whose area meets the circle. */
export interface NotifyPublishRequest {
  topic: string;
  area?: { lat: number; long: number; radius_m: number } | null;
  subject: NotifyLocalized;
  body: NotifyLocalized;
}

/** 202 of `POST messages.json`: `recipients` queued at once plus those whose digest will carry it. */
export interface NotifyPublishResponse {
  id: string;
  recipients: number;
  immediate: number;
  digest: number;
}

/** A message the backend delivered to its own outbox (no SMTP_URL / SMS_API_URL set). */
export interface NotifyOutboxMessage {
  id: string;
  channel: NotifyChannel;
  /** The full address: staff only. */
  to: string;
  subject: string | null;
  text: string;
  /** Email headers as sent (`List-Unsubscribe`, `List-Unsubscribe-Post`, `Message-ID`…); `{}` for a text. */
  headers: Record<string, string>;
  language: NotifyLanguage;
  created_at: string;
}

/** Staff: `GET outbox.json?limit=` (newest first; default 50, at most 500). */
export interface NotifyOutboxResponse {
  messages: NotifyOutboxMessage[];
}
