/** CAP 1.2 as the reference backend stores and publishes it (the JSON of `/alerts/v1`). */

export const CAP_NAMESPACE = 'urn:oasis:names:tc:emergency:cap:1.2';

export const STATUSES = ['Actual', 'Exercise', 'System', 'Test', 'Draft'] as const;
export const MSG_TYPES = ['Alert', 'Update', 'Cancel'] as const;
export const CATEGORIES = ['Geo', 'Met', 'Safety', 'Security', 'Rescue', 'Fire', 'Health', 'Env', 'Transport', 'Infra', 'CBRNE', 'Other'] as const;
export const URGENCIES = ['Immediate', 'Expected', 'Future', 'Past', 'Unknown'] as const;
export const SEVERITIES = ['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown'] as const;
export const CERTAINTIES = ['Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown'] as const;

export type AlertStatus = (typeof STATUSES)[number];
export type MsgType = (typeof MSG_TYPES)[number];

/** One `info` block, datetimes as ISO strings (how they sit in the jsonb column). */
export interface StoredInfo {
  language: string;
  category: string[];
  event: string;
  urgency: string;
  severity: string;
  certainty: string;
  effective?: string;
  onset?: string;
  expires?: string;
  senderName?: string;
  headline?: string;
  description?: string;
  instruction?: string;
  web?: string;
  contact?: string;
  area: StoredArea[];
}

/**
 * A CAP `area`: its words, and where it is. `polygon`: CAP's "lat,lon lat,lon …" (WGS 84, at
 * least four pairs, the first and last the same); `circle`: "lat,lon radius" (radius in km).
 */
export interface StoredArea {
  areaDesc: string;
  polygon?: string[];
  circle?: string[];
}

export interface StoredReference {
  sender: string;
  identifier: string;
  sent: string;
}

export interface AlertRow {
  identifier: string;
  sender: string;
  sent: Date;
  status: AlertStatus;
  msg_type: MsgType;
  scope: string;
  refs: StoredReference[];
  info: StoredInfo[];
  expires: Date | null;
  emergency: boolean;
  superseded_by: string | null;
}
