import { UnitOfWorkRepository } from '@partnerships/db';
import type { SchoolRole } from '@partnerships/domain';

/** An invitation as the school's people page lists it. */
export interface SchoolInvitationRecord {
  id: string;
  email: string;
  role: string;
  createdAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
}

/** An invitation found by its link's token, with the school it is for. */
export interface InvitationByToken {
  id: string;
  email: string;
  role: SchoolRole;
  school_id: string;
  expires_at: Date;
  accepted_at: Date | null;
  urn: string;
  school_name: string;
}

export interface NewSchoolInvitation {
  schoolId: string;
  /** Lower-case. */
  email: string;
  tokenHash: string;
  invitedBy: string;
  /** How many days the link works for. */
  days: number;
}

const INVITATION_COLUMNS = `id, email, role, created_at AS "createdAt", expires_at AS "expiresAt", accepted_at AS "acceptedAt"`;

/**
 * Invitations to act for a school (`school_invitations`, platform-level): a headteacher invites
 * staff, and a partnership inviting a school with nobody on the platform invites its headteacher.
 */
export class SchoolInvitationRepository extends UnitOfWorkRepository {
  /** A headteacher's invitation to someone to take a role at the school. */
  async create(invitation: NewSchoolInvitation & { role: string }): Promise<SchoolInvitationRecord> {
    const row = await this.one<SchoolInvitationRecord>(
      `INSERT INTO school_invitations (school_id, email, role, token_hash, invited_by, expires_at)
         VALUES ($1, $2, $3, $4, $5, now() + make_interval(days => $6)) RETURNING ${INVITATION_COLUMNS}`,
      [invitation.schoolId, invitation.email, invitation.role, invitation.tokenHash, invitation.invitedBy, invitation.days],
    );
    return row!;
  }

  /** A partnership's invitation to a school's headteacher, made with its membership invitation. Returns its id. */
  async createForPartnership(invitation: NewSchoolInvitation & { tenantId: string }): Promise<string> {
    const row = await this.one<{ id: string }>(
      `INSERT INTO school_invitations (school_id, email, role, token_hash, invited_by, invited_for_tenant, expires_at)
         VALUES ($1, $2, 'headteacher', $3, $4, $5, now() + make_interval(days => $6)) RETURNING id`,
      [invitation.schoolId, invitation.email, invitation.tokenHash, invitation.invitedBy, invitation.tenantId, invitation.days],
    );
    return row!.id;
  }

  /** The school's invitations, newest first. */
  listForSchool(schoolId: string): Promise<SchoolInvitationRecord[]> {
    return this.rows<SchoolInvitationRecord>(`SELECT ${INVITATION_COLUMNS} FROM school_invitations WHERE school_id = $1 ORDER BY created_at DESC`, [schoolId]);
  }

  /** The invitation whose link carries this token (by its hash); with `lock`, row-locked for accepting. */
  findByTokenHash(tokenHash: string, options: { lock?: boolean } = {}): Promise<InvitationByToken | null> {
    return this.one<InvitationByToken>(
      `SELECT i.id, i.email, i.role, i.school_id, i.expires_at, i.accepted_at, s.urn, s.name AS school_name
       FROM school_invitations i JOIN schools s ON s.id = i.school_id WHERE i.token_hash = $1 ${options.lock ? 'FOR UPDATE OF i' : ''}`,
      [tokenHash],
    );
  }

  async markAccepted(id: string): Promise<void> {
    await this.execute(`UPDATE school_invitations SET accepted_at = now() WHERE id = $1`, [id]);
  }
}
