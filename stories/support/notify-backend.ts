import { ContractError } from '../../src/api/errors.js';
import type { NotifyBackend } from '../../src/api/notify/client.js';
import type { NotifySubscriptionView, NotifyTopicsResponse } from '../../src/api/notify/types.js';

/** Sample topics as the reference backend answers them, for stories (no server). */
export const sampleTopics: NotifyTopicsResponse = {
  groups: [
    { id: 'safety', name: 'Emergencies and safety' },
    { id: 'services', name: 'City services' },
    { id: 'government', name: 'City government' },
  ],
  topics: [
    { id: 'emergency', group: 'safety', name: 'Emergency alerts', description: 'Storms, floods, boil-water notices and evacuations.', frequencies: ['immediate'], area: false, always_immediate: true },
    { id: 'snow', group: 'safety', name: 'Snow emergencies and parking bans', description: 'When a parking ban starts and ends.', frequencies: ['immediate', 'daily'], area: false, always_immediate: false },
    { id: 'trash', group: 'services', name: 'Trash and recycling schedule changes', description: 'Holiday delays and missed pickups.', frequencies: ['immediate', 'daily', 'weekly'], area: true, always_immediate: false },
    { id: 'roads', group: 'services', name: 'Road closures', description: 'Closures and detours for works and events.', frequencies: ['immediate', 'daily', 'weekly'], area: true, always_immediate: false },
    { id: 'council', group: 'government', name: 'Council agendas', description: 'Agendas when they are published.', frequencies: ['immediate', 'weekly'], area: false, always_immediate: false },
    { id: 'news', group: 'government', name: 'City news', description: 'News from the Mayor and departments.', frequencies: ['daily', 'weekly'], area: false, always_immediate: false },
  ],
  channels: ['email', 'sms'],
  neighbourhoods: [
    { id: 'asylum-hill', name: 'Asylum Hill' },
    { id: 'downtown', name: 'Downtown' },
    { id: 'south-end', name: 'South End' },
  ],
  consent: {
    sms: {
      id: 'sms-2026-11',
      text: 'By ticking this box you agree to receive text messages from the City of Hartford about the topics you chose: alerts as they happen, up to 10 messages a month. Message and data rates may apply. Reply STOP to cancel, HELP for help.',
      terms_url: '/terms.html',
      privacy_url: '/privacy.html',
    },
  },
  confirmation_hours: 72,
  max_radius_m: 5000,
};

export const sampleSubscription: NotifySubscriptionView = {
  status: 'active',
  language: 'en',
  channels: [
    { channel: 'email', address_masked: 'a•••@e•••.com', status: 'active' },
    { channel: 'sms', address_masked: '••• ••• 0134', status: 'pending' },
  ],
  topics: [
    { id: 'emergency', frequency: 'immediate' },
    { id: 'roads', frequency: 'daily' },
  ],
  area: { neighbourhood: 'downtown' },
  follows: [{ kind: 'service_request', id: '1042' }],
};

/** A confirmed email-only subscription: its manage page offers to add text messages. */
export const emailOnlySubscription: NotifySubscriptionView = { ...sampleSubscription, channels: [sampleSubscription.channels[0]!] };

export const never = <T>() => new Promise<T>(() => {});

/** A NotifyBackend answering from the samples; override any call. */
export function notifyBackend(overrides: Partial<NotifyBackend> = {}): NotifyBackend {
  return {
    topics: async () => sampleTopics,
    subscribe: async (input) => ({ status: 'pending', channels: [...(input.email ? (['email'] as const) : []), ...(input.phone ? (['sms'] as const) : [])] }),
    confirm: async () => ({ status: 'confirmed', manage_token: 'sample-manage-token', kind: 'subscription' }),
    resend: async () => {},
    subscription: async () => sampleSubscription,
    update: async (_token, { channels: _switches, add, ...changes }) => ({
      ...sampleSubscription,
      ...changes,
      channels: [
        ...sampleSubscription.channels,
        ...(add?.email ? [{ channel: 'email' as const, address_masked: 'n•••@e•••.com', status: 'pending' as const }] : []),
        ...(add?.phone ? [{ channel: 'sms' as const, address_masked: `••• ••• ${add.phone.slice(-4)}`, status: 'pending' as const }] : []),
      ],
    }),
    unsubscribe: async () => ({ ...sampleSubscription, status: 'unsubscribed', topics: [], follows: [] }),
    follow: async () => ({ status: 'pending', channels: ['email'] }),
    ...overrides,
  };
}

/** What `confirm` rejects with for a token that is `expired` or `used`. */
export const refused = (code: 'expired' | 'used') => Promise.reject(new ContractError(410, [{ field: 'token', code, message: `The link is ${code}.` }]));
