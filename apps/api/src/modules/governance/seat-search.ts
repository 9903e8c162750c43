import type { SeatDto } from './governance.dto';

/** The URN a school seat's key carries (`${ruleId}:school:${urn}`), for empty seats that have no holder to give it. */
const keyUrn = (key: string) => /:school:(\d+)$/.exec(key)?.[1] ?? null;

/**
 * The seats matching a search (case-insensitive, part of): the seat's label (a school seat's label
 * ends with the school's name), its school's URN, or its holder's name. Every seat when q is blank.
 * Keeps the body's seat order.
 */
export function searchSeats(seats: SeatDto[], q: string | undefined | null): SeatDto[] {
  const needle = q?.trim().toLowerCase();
  if (!needle) return seats;
  return seats.filter((seat) =>
    [seat.label, seat.holder?.name, seat.holder?.schoolUrn, keyUrn(seat.id)].some((text) => typeof text === 'string' && text.toLowerCase().includes(needle)),
  );
}
