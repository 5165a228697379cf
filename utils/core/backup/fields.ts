import type { DayKey } from '../types';
import { addDays } from '../days';
import { EARLIEST, EARLIEST_DAY, MAX_ID_LENGTH } from './format';
import { formatNumber } from '../i18n';
import { tr } from '../i18n';

/** Small checks of one field of parsed data: each says whether a value is what Tandem writes there. */
export type Obj = Record<string, unknown>;

/** The latest instant and day a record may have: a day after the file is read (time zones, a clock running ahead). */
export interface Bounds {
  latest: number;
  latestDay: DayKey;
}

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export const isId = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= MAX_ID_LENGTH;

export const isInstant = (v: unknown, b: Bounds): v is number =>
  typeof v === 'number' && Number.isFinite(v) && v >= EARLIEST && v <= b.latest;

/** A real calendar date ('2026-02-30' is not) in range. */
export const isDay = (v: unknown, b: Bounds): v is DayKey => {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v) || v < EARLIEST_DAY || v > b.latestDay) return false;
  try {
    return addDays(v, 0) === v;
  } catch {
    return false; // days.ts refuses a date the calendar does not have
  }
};

export const isWhole = (v: unknown, min: number, max: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

export const oneOf = <T extends string>(v: unknown, values: readonly T[]): v is T => typeof v === 'string' && values.includes(v as T);

/** A plain sentence for a date field that is out of range or not a date. */
export const BAD_DATE = (): string => tr('fields_has_a_date_tandem_cant_have');

/** "the 3rd check-in" style position, as "check-in 3 of 214". */
export const nth = (what: string, i: number, total: number) => tr('fields_of', { what, value: i + 1, value2: formatNumber(total) });
