/**
 * The governance routes whose answers the OpenAPI document leaves open (objects and lists the
 * API builds by hand): the shapes the pages read, and loaders that give them those types.
 */
import type { RequestEvent } from '@sveltejs/kit';
import { loadOrFail } from './api.ts';

type ApiEvent = Pick<RequestEvent, 'locals' | 'url' | 'getClientAddress' | 'cookies'>;

/** loadOrFail for an answer the document does not describe: the caller names its shape. */
export function loadAs<T>(event: ApiEvent, call: Promise<{ data?: unknown; error?: unknown; response: Response }>): Promise<T> {
  return loadOrFail(event, call) as Promise<T>;
}

export interface SeatHistoryEntry {
  seatKey: string;
  seatRuleId: string;
  userId: string;
  name: string;
  startsOn: string;
  endsOn: string | null;
}

export interface TermsOfReferenceVersion {
  id: string;
  version: number;
  text: string;
  reviewDueOn: string | null;
  approvedOn: string | null;
  createdAt: string;
}

export interface Paper {
  id: string;
  agendaItemId: string;
  title: string;
  content: string | null;
  url: string | null;
  createdAt: string;
}

export interface AgendaItem {
  id: string;
  position: number;
  kind: string;
  title: string;
  description: string | null;
  confidential: boolean;
  sourceRef: string | null;
  papers: Paper[];
}

export interface AttendanceRow {
  seatKey: string | null;
  userId: string | null;
  name: string | null;
  status: string;
  deputyUserId: string | null;
  deputyName: string | null;
  reason: string | null;
}

export interface Quorum {
  met: boolean;
  required: number;
  counted: number;
  votingSeats: number;
  explanation: string;
}

export interface FollowUp {
  schoolUrn: string | null;
  holder: string;
  seatKey: string;
  status: string;
  reason: string | null;
}

export interface Minutes {
  text?: string;
  status: string;
  circulatedAt?: string | null;
  approvedAtMeetingId?: string | null;
  approvedAt?: string | null;
}

export interface PreviousMinutes {
  meetingId: string;
  startsAt: string;
  status: string;
  approvedHere: boolean;
  text?: string;
}

export interface Action {
  id: string;
  bodyId: string;
  bodyName: string;
  meetingId: string;
  raisedOn: string;
  title: string;
  ownerUserId: string | null;
  ownerName: string | null;
  ownerSchoolUrn: string | null;
  dueOn: string | null;
  status: 'open' | 'closed';
  closedAtMeetingId: string | null;
  note: string | null;
}

export interface MyGovernance {
  today: string;
  partnerships: {
    slug: string;
    name: string;
    bodies: { bodyId: string; name: string; kind: string; seat: string; voting: string; schoolUrn: string | null; since: string }[];
    nextMeetings: { id: string; bodyId: string; bodyName: string; startsAt: string; endsAt: string; halfTerm: string | null; hostSchoolUrn: string | null; status: string; noteTaker: boolean }[];
    papers: { meetingId: string; bodyName: string; item: string | null; title: string; url: string | null }[];
    openActions: { id: string; bodyName: string; title: string; dueOn: string | null; owner: string | null; mine: boolean }[];
    representation: { schoolUrn: string; schoolName: string; bodyId: string; bodyName: string; holderName: string; label: string }[];
  }[];
}
