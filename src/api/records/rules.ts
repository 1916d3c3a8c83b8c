/**
 * Public-records response deadlines as data, one rule per jurisdiction. Each rule says which
 * clock runs (business days, calendar days or none), how long the first deadline is and what
 * the city must do by then, the extension the law allows, the days that are not business days,
 * the hour after which a request counts as received the next business day, and the time zone.
 *
 * A city whose law or holiday calendar differs passes its own `RecordsRule` to
 * `recordsDeadline()`; nothing here is code but the data.
 */

/** Text in every language the library ships; a city may add more keys. */
export interface LocalizedText {
  en: string;
  es: string;
  [language: string]: string;
}

/**
 * How a fixed-date holiday falling on a weekend is observed:
 * `none` (not moved), `sunday-to-monday`, or `weekend-to-weekday` (Saturday → Friday before,
 * Sunday → Monday after).
 */
export type ObservedShift = 'none' | 'sunday-to-monday' | 'weekend-to-weekday';

/** A day on which the clock of business days does not run. */
export type HolidaySpec =
  /** A fixed date, e.g. 4 July. */
  | { name: string; month: number; day: number; observed?: ObservedShift }
  /**
   * The first `weekday` (0 = Sunday) on or after `onOrAfter` in `month`, plus `offsetDays`:
   * third Monday of January = Monday on or after the 15th; the day after Thanksgiving =
   * Thursday on or after 22 November, plus 1.
   */
  | { name: string; month: number; weekday: number; onOrAfter: number; offsetDays?: number }
  /** Relative to Easter Sunday (Good Friday = -2). */
  | { name: string; easterOffset: number };

/** What the law requires by the first deadline. */
export type RecordsRequirement =
  /** Provide the records or deny the request (Connecticut). */
  | 'comply-or-deny'
  /** Grant, deny, or acknowledge with an approximate date (New York). */
  | 'respond-or-acknowledge'
  /** Decide whether the records can be disclosed, and say so (California). */
  | 'determine'
  /** Produce promptly; by the deadline, certify a later date or ask for a ruling (Texas). */
  | 'certify-or-refer'
  /** Decide and notify (federal FOIA). */
  | 'decide'
  /** No fixed deadline: respond promptly (Florida). */
  | 'promptly';

export interface RecordsRule {
  /** Stable id, e.g. `us-ct`. */
  id: string;
  /** The jurisdiction's name, e.g. "Connecticut". */
  jurisdiction: LocalizedText;
  /** The law, as a resident would name it: "Connecticut's Freedom of Information Act". */
  law: LocalizedText;
  /** Where the deadline is written. */
  citation: string;
  /** IANA time zone in which days are counted. */
  timeZone: string;
  /** `HH:MM`, local: a request received at or after this time counts as received the next business day. */
  cutoff: string;
  clock: 'business' | 'calendar' | 'none';
  /** Length of the first deadline in the clock's days; `null` for no fixed deadline. */
  days: number | null;
  requirement: RecordsRequirement;
  /** The extension the law allows, in the same clock, and when. */
  extension: { days: number; condition: LocalizedText } | null;
  /** Calendar clock: a deadline on a weekend or holiday moves to the next business day. */
  rollForward: boolean;
  /** Default shift for fixed-date holidays falling on a weekend. */
  observed: ObservedShift;
  holidays: HolidaySpec[];
  /** What happens when the city does not answer in time, if the law says. */
  noAnswer?: LocalizedText;
}

const MON = 1;
const THU = 4;
const FRI = 5;
const TUE = 2;

// The holidays several calendars share, named once.
const newYear: HolidaySpec = { name: "New Year's Day", month: 1, day: 1 };
const mlk: HolidaySpec = { name: 'Martin Luther King Jr. Day', month: 1, weekday: MON, onOrAfter: 15 };
const lincoln: HolidaySpec = { name: "Lincoln's Birthday", month: 2, day: 12 };
const washington: HolidaySpec = { name: "Washington's Birthday", month: 2, weekday: MON, onOrAfter: 15 };
const memorial: HolidaySpec = { name: 'Memorial Day', month: 5, weekday: MON, onOrAfter: 25 };
const juneteenth: HolidaySpec = { name: 'Juneteenth', month: 6, day: 19 };
const independence: HolidaySpec = { name: 'Independence Day', month: 7, day: 4 };
const labor: HolidaySpec = { name: 'Labor Day', month: 9, weekday: MON, onOrAfter: 1 };
const columbus: HolidaySpec = { name: 'Columbus Day', month: 10, weekday: MON, onOrAfter: 8 };
const veterans: HolidaySpec = { name: 'Veterans Day', month: 11, day: 11 };
const thanksgiving: HolidaySpec = { name: 'Thanksgiving Day', month: 11, weekday: THU, onOrAfter: 22 };
const dayAfterThanksgiving: HolidaySpec = { name: 'Day after Thanksgiving', month: 11, weekday: THU, onOrAfter: 22, offsetDays: 1 };
const christmas: HolidaySpec = { name: 'Christmas Day', month: 12, day: 25 };

/** 5 U.S.C. § 6103: the legal public holidays. */
const federalHolidays: HolidaySpec[] = [newYear, mlk, washington, memorial, juneteenth, independence, labor, columbus, veterans, thanksgiving, christmas];

/** Connecticut: Conn. Gen. Stat. § 1-4. */
export const connecticut: RecordsRule = {
  id: 'us-ct',
  jurisdiction: { en: 'Connecticut', es: 'Connecticut' },
  law: { en: "Connecticut's Freedom of Information Act", es: 'La Ley de Libertad de Información de Connecticut' },
  citation: 'Conn. Gen. Stat. § 1-206(a)',
  timeZone: 'America/New_York',
  cutoff: '17:00',
  clock: 'business',
  days: 4,
  requirement: 'comply-or-deny',
  extension: null,
  rollForward: false,
  observed: 'weekend-to-weekday',
  holidays: [newYear, mlk, lincoln, washington, { name: 'Good Friday', easterOffset: -2 }, memorial, juneteenth, independence, labor, columbus, veterans, thanksgiving, christmas],
  noAnswer: {
    en: 'No answer by then counts as a denial, which you can appeal to the Freedom of Information Commission.',
    es: 'Si no hay respuesta para entonces, cuenta como una denegación, que puede apelar ante la Comisión de Libertad de Información.',
  },
};

/** New York: Public Officers Law § 89(3)(a); holidays, General Construction Law § 24. */
export const newYork: RecordsRule = {
  id: 'us-ny',
  jurisdiction: { en: 'New York', es: 'Nueva York' },
  law: { en: "New York's Freedom of Information Law", es: 'La Ley de Libertad de Información de Nueva York' },
  citation: 'N.Y. Pub. Off. Law § 89(3)(a)',
  timeZone: 'America/New_York',
  cutoff: '17:00',
  clock: 'business',
  days: 5,
  requirement: 'respond-or-acknowledge',
  extension: null,
  rollForward: false,
  observed: 'sunday-to-monday',
  holidays: [
    newYear,
    mlk,
    lincoln,
    washington,
    memorial,
    juneteenth,
    independence,
    labor,
    columbus,
    { name: 'Election Day', month: 11, weekday: TUE, onOrAfter: 2 },
    veterans,
    thanksgiving,
    christmas,
  ],
};

/** California: Gov. Code § 7922.535; holidays, Gov. Code § 6700; last day, Code Civ. Proc. § 12a. */
export const california: RecordsRule = {
  id: 'us-ca',
  jurisdiction: { en: 'California', es: 'California' },
  law: { en: "California's Public Records Act", es: 'La Ley de Registros Públicos de California' },
  citation: 'Cal. Gov. Code § 7922.535',
  timeZone: 'America/Los_Angeles',
  cutoff: '17:00',
  clock: 'calendar',
  days: 10,
  requirement: 'determine',
  extension: {
    days: 14,
    condition: {
      en: 'in unusual circumstances (records elsewhere, voluminous, or needing consultation), with written notice',
      es: 'en circunstancias inusuales (documentos en otro lugar, muy voluminosos o que requieren consulta), con aviso por escrito',
    },
  },
  rollForward: true,
  observed: 'sunday-to-monday',
  holidays: [
    newYear,
    mlk,
    lincoln,
    washington,
    { name: 'César Chávez Day', month: 3, day: 31 },
    memorial,
    juneteenth,
    independence,
    labor,
    { name: 'Native American Day', month: 9, weekday: FRI, onOrAfter: 22 },
    columbus,
    { ...veterans, observed: 'weekend-to-weekday' },
    thanksgiving,
    dayAfterThanksgiving,
    christmas,
  ],
};

/** Texas: Gov. Code §§ 552.221(d), 552.301(b); business days, § 552.0031 and § 662.003(a)–(b). */
export const texas: RecordsRule = {
  id: 'us-tx',
  jurisdiction: { en: 'Texas', es: 'Texas' },
  law: { en: 'The Texas Public Information Act', es: 'La Ley de Información Pública de Texas' },
  citation: 'Tex. Gov. Code §§ 552.221(d), 552.301(b)',
  timeZone: 'America/Chicago',
  cutoff: '17:00',
  clock: 'business',
  days: 10,
  requirement: 'certify-or-refer',
  extension: null,
  rollForward: false,
  // § 552.0031(e): a weekend holiday moves only where the city observes it on the Friday or Monday.
  observed: 'none',
  holidays: [
    newYear,
    { name: 'Confederate Heroes Day', month: 1, day: 19 },
    mlk,
    { ...washington, name: "Presidents' Day" },
    { name: 'Texas Independence Day', month: 3, day: 2 },
    { name: 'San Jacinto Day', month: 4, day: 21 },
    memorial,
    { name: 'Emancipation Day in Texas', month: 6, day: 19 },
    independence,
    { name: 'Lyndon Baines Johnson Day', month: 8, day: 27 },
    labor,
    veterans,
    thanksgiving,
    dayAfterThanksgiving,
    { name: 'Christmas Eve', month: 12, day: 24 },
    christmas,
    { name: 'Day after Christmas', month: 12, day: 26 },
  ],
};

/** Federal FOIA: 5 U.S.C. § 552(a)(6)(A)(i), (B)(i); holidays, 5 U.S.C. § 6103. */
export const federal: RecordsRule = {
  id: 'us-federal',
  jurisdiction: { en: 'United States (federal)', es: 'Estados Unidos (federal)' },
  law: { en: 'The federal Freedom of Information Act', es: 'La Ley federal de Libertad de Información' },
  citation: '5 U.S.C. § 552(a)(6)',
  timeZone: 'America/New_York',
  cutoff: '17:00',
  clock: 'business',
  days: 20,
  requirement: 'decide',
  extension: {
    days: 10,
    condition: {
      en: 'in unusual circumstances, with written notice',
      es: 'en circunstancias inusuales, con aviso por escrito',
    },
  },
  rollForward: false,
  observed: 'weekend-to-weekday',
  holidays: federalHolidays,
};

/** Florida: Fla. Stat. § 119.07(1)(c): no fixed deadline. */
export const florida: RecordsRule = {
  id: 'us-fl',
  jurisdiction: { en: 'Florida', es: 'Florida' },
  law: { en: "Florida's Public Records Act", es: 'La Ley de Registros Públicos de Florida' },
  citation: 'Fla. Stat. § 119.07(1)(c)',
  timeZone: 'America/New_York',
  cutoff: '17:00',
  clock: 'none',
  days: null,
  requirement: 'promptly',
  extension: null,
  rollForward: false,
  observed: 'weekend-to-weekday',
  holidays: federalHolidays,
};

/** Every shipped rule, by id. */
export const recordsRules: Readonly<Record<string, RecordsRule>> = Object.freeze({
  [connecticut.id]: connecticut,
  [newYork.id]: newYork,
  [california.id]: california,
  [texas.id]: texas,
  [federal.id]: federal,
  [florida.id]: florida,
});
