import type { ProxyDto } from './general-meetings.dto';
import type { ProxyAppointment } from './proxy.repository';

/** A proxy as every route shows it. */
export function proxyDto(p: ProxyAppointment): ProxyDto {
  return {
    id: p.id,
    meetingId: p.meetingId,
    fromSchool: { urn: p.fromSchoolUrn, name: p.fromSchoolName },
    holder: { kind: p.holderKind, schoolUrn: p.holderSchoolUrn, schoolName: p.holderSchoolName },
    appointedAt: new Date(p.appointedAt).toISOString(),
    revokedAt: p.revokedAt ? new Date(p.revokedAt).toISOString() : null,
  };
}
