/**
 * Local wall times ("YYYY-MM-DDTHH:mm") in an IANA time zone, and the instants they fall on,
 * computed with the runtime's time-zone data (Intl), so booked sessions keep their local time
 * across daylight-saving changes.
 */
export const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
    formatters.set(zone, formatter);
  }
  return formatter;
}

export function isTimeZone(zone: string): boolean {
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

/** The local wall time of an instant in `zone`. */
export function toLocal(instant: Date, zone: string): string {
  const parts = Object.fromEntries(formatterFor(zone).formatToParts(instant).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

const asUtc = (local: string) => Date.parse(`${local}:00Z`);

/**
 * The instant a local wall time falls on in `zone`; null when that time does not exist there
 * (skipped when clocks go forward) or is not a real date. In the hour repeated when clocks go
 * back, the earlier instant is taken.
 */
export function fromLocal(local: string, zone: string): Date | null {
  if (!LOCAL_TIME.test(local) || Number.isNaN(asUtc(local))) return null;
  const wall = asUtc(local);
  if (new Date(wall).toISOString().slice(0, 16) !== local) return null;
  const offsetAt = (instant: number) => asUtc(toLocal(new Date(instant), zone)) - instant;
  // Try both offsets around the wall time; keep the earliest instant that reads back as `local`.
  const candidates = [wall - offsetAt(wall - 86_400_000), wall - offsetAt(wall + 86_400_000), wall - offsetAt(wall)];
  const matching = candidates.filter((instant) => toLocal(new Date(instant), zone) === local).sort((a, b) => a - b);
  return matching.length ? new Date(matching[0]) : null;
}

/** "Tuesday 30 March 2027, 09:00 (Europe/London)". */
export function describeLocal(local: string, zone: string): string {
  const day = new Date(`${local.slice(0, 10)}T00:00:00Z`).toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return `${day}, ${local.slice(11)} (${zone})`;
}
