import type { Database, Queryable } from '../db.js';
import type { AlertRow, StoredInfo, StoredReference, AlertStatus, MsgType } from './model.js';

export interface NewAlert {
  identifier: string;
  sender: string;
  sent: Date;
  status: AlertStatus;
  msgType: MsgType;
  references: StoredReference[];
  info: StoredInfo[];
  emergency: boolean;
}

export interface EmergencyRow {
  id: number;
  name: string;
  started_at: Date;
  ends_at: Date;
  ended_at: Date | null;
  everyday: 'group' | 'hide';
  alert_identifier: string;
  service_codes: string[];
}

export interface StormService {
  service_code: string;
  service_name: string;
  description: string;
  keywords: string;
}

const latestExpiry = (info: StoredInfo[]): Date | null => {
  const times = info.map((i) => (i.expires ? Date.parse(i.expires) : NaN)).filter((t) => Number.isFinite(t));
  return times.length > 0 ? new Date(Math.max(...times)) : null;
};

export class AlertsStore {
  constructor(private readonly db: Database) {}

  /** Public, Actual Alert/Update messages not superseded and not expired at `now`, newest first. */
  active(now: Date): Promise<AlertRow[]> {
    return this.db.query<AlertRow>(
      `SELECT * FROM alerts
       WHERE superseded_by IS NULL AND status = 'Actual' AND scope = 'Public' AND msg_type IN ('Alert','Update') AND expires > $1
       ORDER BY sent DESC, identifier`,
      [now],
    );
  }

  /** The messages with these identifiers that are still in force (not superseded). */
  current(identifiers: string[], tx: Queryable = this.db): Promise<AlertRow[]> {
    return tx.query<AlertRow>(`SELECT * FROM alerts WHERE identifier = ANY(string_to_array($1, ' ')) AND superseded_by IS NULL`, [identifiers.join(' ')]);
  }

  /** Stores a message and marks what it references as superseded, in one transaction (or `tx`'s). */
  async insert(alert: NewAlert, tx?: Queryable): Promise<void> {
    const run = async (q: Queryable) => {
      await q.query(
        `INSERT INTO alerts (identifier, sender, sent, status, msg_type, scope, refs, info, expires, emergency)
         VALUES ($1, $2, $3, $4, $5, 'Public', $6, $7, $8, $9)`,
        [alert.identifier, alert.sender, alert.sent, alert.status, alert.msgType, JSON.stringify(alert.references), JSON.stringify(alert.info), latestExpiry(alert.info), alert.emergency],
      );
      if (alert.references.length > 0) {
        await q.query(`UPDATE alerts SET superseded_by = $1 WHERE identifier = ANY(string_to_array($2, ' ')) AND superseded_by IS NULL`, [
          alert.identifier,
          alert.references.map((r) => r.identifier).join(' '),
        ]);
      }
    };
    if (tx) await run(tx);
    else await this.db.transaction(run);
  }

  /** The emergency in force at `now`: started, not ended by staff, and before its end time. */
  async emergency(now: Date): Promise<EmergencyRow | undefined> {
    const rows = await this.db.query<EmergencyRow>(
      `SELECT e.*, COALESCE((SELECT array_agg(s.service_code ORDER BY s.service_code) FROM emergency_services s WHERE s.emergency_id = e.id), '{}') AS service_codes
       FROM emergencies e WHERE e.ended_at IS NULL AND e.ends_at > $1 ORDER BY e.id DESC LIMIT 1`,
      [now],
    );
    return rows[0];
  }

  /** Codes of every service that exists only for an emergency (offered only while one is in force). */
  async emergencyOnlyCodes(): Promise<Set<string>> {
    const rows = await this.db.query<{ service_code: string }>(`SELECT service_code FROM emergency_services`);
    return new Set(rows.map((r) => r.service_code));
  }

  /**
   * Starts an emergency: its alert, its storm services (created, or renamed if a past emergency
   * made them), all or nothing.
   */
  async startEmergency(
    e: { name: string; startedAt: Date; endsAt: Date; everyday: 'group' | 'hide'; services: StormService[] },
    alert: NewAlert,
  ): Promise<number> {
    return this.db.transaction(async (tx) => {
      await this.insert(alert, tx);
      const [row] = await tx.query<{ id: number }>(
        `INSERT INTO emergencies (name, started_at, ends_at, everyday, alert_identifier) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [e.name, e.startedAt, e.endsAt, e.everyday, alert.identifier],
      );
      const id = row!.id;
      for (const [i, s] of e.services.entries()) {
        await tx.query(
          `INSERT INTO services (service_code, service_name, description, type, keywords, group_name, sort_order)
           VALUES ($1, $2, $3, 'realtime', $4, $5, $6)
           ON CONFLICT (service_code) DO UPDATE SET service_name = EXCLUDED.service_name, description = EXCLUDED.description,
             keywords = EXCLUDED.keywords, group_name = EXCLUDED.group_name, sort_order = EXCLUDED.sort_order`,
          [s.service_code, s.service_name, s.description, s.keywords, e.name, -1000 + i],
        );
        await tx.query(
          `INSERT INTO emergency_services (service_code, emergency_id) VALUES ($1, $2)
           ON CONFLICT (service_code) DO UPDATE SET emergency_id = EXCLUDED.emergency_id`,
          [s.service_code, id],
        );
      }
      return id;
    });
  }

  /** Ends an emergency now, with the Cancel of its alert. */
  async endEmergency(id: number, endedAt: Date, cancel: NewAlert): Promise<void> {
    await this.db.transaction(async (tx) => {
      await this.insert(cancel, tx);
      await tx.query(`UPDATE emergencies SET ended_at = $2 WHERE id = $1`, [id, endedAt]);
    });
  }
}
