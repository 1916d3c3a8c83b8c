/**
 * One model for every alert source the banner reads: a CAP 1.2 `<alert>` (single or in an Atom
 * feed), a US National Weather Service GeoJSON feature, and the reference backend's JSON. Field
 * names and value sets are CAP 1.2's (OASIS, 2010), so a reader of the spec reads this model.
 */

/** CAP `status`. Only `Actual` alerts are meant for the public; the rest are tests and drills. */
export type AlertStatus = 'Actual' | 'Exercise' | 'System' | 'Test' | 'Draft';

/** CAP `msgType`: an `Update` replaces and a `Cancel` withdraws the alerts it `references`. */
export type AlertMsgType = 'Alert' | 'Update' | 'Cancel' | 'Ack' | 'Error';

/** CAP `scope`. */
export type AlertScope = 'Public' | 'Restricted' | 'Private';

/** CAP `severity`, most severe first. */
export type AlertSeverity = 'Extreme' | 'Severe' | 'Moderate' | 'Minor' | 'Unknown';

/** CAP `urgency`, most urgent first. */
export type AlertUrgency = 'Immediate' | 'Expected' | 'Future' | 'Past' | 'Unknown';

/** CAP `certainty`, most certain first. */
export type AlertCertainty = 'Observed' | 'Likely' | 'Possible' | 'Unlikely' | 'Unknown';

/** One entry of CAP `references` (`sender,identifier,sent`). */
export interface AlertReference {
  sender: string;
  identifier: string;
  /** As written by the sender; not needed to match, kept for display and re-publishing. */
  sent?: string;
}

/** One CAP `info` block: the alert in one language. */
export interface AlertInfo {
  /** RFC 3066 tag; CAP's default is `en-US`. */
  language: string;
  /** CAP `category` values (Geo, Met, Safety, Security, Rescue, Fire, Health, Env, Transport, Infra, CBRNE, Other). */
  category: string[];
  event: string;
  urgency: AlertUrgency;
  severity: AlertSeverity;
  certainty: AlertCertainty;
  effective?: Date;
  onset?: Date;
  /** After this moment the block is not shown. */
  expires?: Date;
  senderName?: string;
  headline?: string;
  description?: string;
  /** What people should do. */
  instruction?: string;
  /** A page with the full details. */
  web?: string;
  contact?: string;
  /** CAP `areaDesc` of each `area`. */
  areas: string[];
}

/** One alert message. */
export interface CivicAlert {
  identifier: string;
  sender: string;
  sent: Date;
  status: AlertStatus;
  msgType: AlertMsgType;
  scope: AlertScope;
  references: AlertReference[];
  info: AlertInfo[];
  /**
   * The city declared an emergency with this alert (reference backend extension): shown as
   * an emergency and never dismissible, whatever its severity.
   */
  emergency?: boolean;
}

/** The answer of one feed read. */
export type AlertFeedResult =
  | { modified: true; alerts: CivicAlert[]; etag?: string }
  /** The server answered 304 to `If-None-Match`: what was read last time still holds. */
  | { modified: false; etag: string };
