import type { EntityManager } from '@partnerships/db';
import { certificateRefusal, ukDateOf } from '@partnerships/domain';
import { type BookingRow, EventRepository, renderCertificatePdf } from '@partnerships/jobs';
import { conflict } from '../../common/app-error';
import type { TenantRef } from './event-places.service';
import { FeedbackRepository } from './feedback.repository';

/** The certificate PDF for a booking (shared by the school's and the partnership's side). */
export async function renderCertificate(em: EntityManager, tenant: TenantRef, booking: BookingRow): Promise<{ name: string; pdf: Buffer }> {
  const feedback = new FeedbackRepository(em);
  const attended = (await feedback.attendedCounts(booking.eventId)).get(booking.id) ?? 0;
  const refusal = certificateRefusal({ status: booking.status, sessionsAttended: attended });
  if (refusal) throw conflict(refusal);
  const certificate = await feedback.certificate(booking.id);
  if (!certificate) throw conflict('The partnership has not issued certificates for this event yet.');
  const events = new EventRepository(em);
  const event = (await events.find(booking.eventId))!;
  const sessions = await events.sessionsOf([event.id]);
  const register = await Promise.all(sessions.map(async (s) => ({ s, attended: (await feedback.register(s.id)).get(booking.id) === true })));
  const came = register.filter((r) => r.attended).map((r) => r.s);
  const hours = Math.round(came.reduce((t, s) => t + (Date.parse(s.endsAt) - Date.parse(s.startsAt)) / 3_600_000, 0) * 10) / 10;
  const pdf = await renderCertificatePdf({
    partnershipName: tenant.name,
    delegateName: booking.delegateName,
    schoolName: booking.schoolName,
    eventTitle: event.title,
    dates: came.map((s) => ukDateOf(s.startsAt)).join(', '),
    hours: hours || null,
    issuedOn: certificate.issuedOn,
    reference: certificate.id.slice(0, 8).toUpperCase(),
  });
  return { name: `certificate-${booking.delegateName.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase()}`, pdf };
}

