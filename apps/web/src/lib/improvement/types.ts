/** The shapes the school improvement pages read from the API (apps/api/src/modules/reviews and improvement DTOs). */

export interface SchoolRef { id: string; urn: string; name: string }

export interface Participant { id: string; userId: string; name: string; schoolName: string | null; role: string; conflictOverrideReason: string | null }
export interface ReviewSummary {
  id: string; programmeId: string; school: SchoolRef; academicYearStart: number; visitOn: string | null; visitOnText: string | null;
  focus: string | null; focusAgreed: boolean; status: string; confirmed: boolean; participants: Participant[];
}
export interface ReportVersion { version: number; kind: string; body: string; approved: boolean | null; authorName: string | null; createdAt: string }
export interface ReviewAction { id: string; text: string; owner: string | null; dueOn: string | null; status: string; followUpNote: string | null; carriedFromActionId: string | null }
export interface Review extends ReviewSummary { qaApproved: boolean; report: ReportVersion[]; actions: ReviewAction[]; previousReviewId: string | null }
export interface Group { id: string; name: string; formedBy: string; bodyId: string | null; schools: SchoolRef[] }
export interface ProgrammeSummary { id: string; name: string; framework: string | null; cycleYears: number; firstAcademicYearStart: number; teamMembers: number; coordinatorUserId: string | null }
export interface Programme extends ProgrammeSummary { groups: Group[]; proposed: number; confirmed: number }
export interface PlanResult { proposed: number; problems: string[]; reviews: ReviewSummary[] }
export interface Reviewer { userId: string; name: string; reviewsLed: number; reviewsJoined: number; training: { course: string; completedOn: string }[] }

export interface SchoolReview {
  id: string; tenantSlug: string; partnershipName: string; school: SchoolRef; academicYearStart: number; reviewerName: string | null;
  reviewerAccepted: boolean; visitOn: string | null; reportReady: boolean;
}
export interface Share { id: string; userName: string | null; bodyName: string | null; sharedAt: string; revokedAt: string | null }
export interface ConfidentialReport extends SchoolReview { readingAs: 'reviewer' | 'head' | 'share'; content: string | null; shares: Share[] }
export interface Read { name: string; readerKind: string; readAt: string }

export interface Indicator { code: string; name: string; definition: string; unit: string; higherIsBetter: boolean; decimals: number; min: number; max: number; area: string }
export interface DataSet { id: string; name: string; description: string | null; indicators: Indicator[] }
export interface RoundSummary {
  id: string; name: string; bodyId: string; bodyName: string; dataSetId: string; academicYearStart: number; opensOn: string; closesOn: string;
  status: string; schools: number; submissions: number;
}
export interface RoundSchool extends SchoolRef { submitted: boolean; submittedAt: string | null }
export interface Round extends RoundSummary { dataSet: DataSet; schoolList: RoundSchool[] }
export interface Submission { school: SchoolRef; values: Record<string, number | null>; ownStrengths: string | null; ownAreasToDevelop: string | null; via: string; submittedAt: string }
export interface Benchmark { indicatorCode: string; source: string; value: number }
export interface SchoolFigure { schoolId: string; schoolName: string; value: number | null; rank: number | null; quartile: number | null; versus: Record<string, number> }
export interface Comparison {
  indicator: Indicator; benchmarks: Record<string, number>; median: number | null; mean: number | null; lowerQuartile: number | null; upperQuartile: number | null;
  schools: SchoolFigure[]; chartUrl: string; chartText: string;
}
export interface Finding { indicatorCode: string; area: string; reason: string }
export interface RoundComparison { indicators: Comparison[]; suggestions: { schoolId: string; strengths: Finding[]; areasToDevelop: Finding[] }[] }
export interface OutcomeItem { area: string; indicatorCode?: string | null; note?: string | null }
export interface Outcome { school: SchoolRef; meetingId: string | null; strengths: OutcomeItem[]; areasToDevelop: OutcomeItem[]; recordedAt: string }
export interface ActionPlanItem { action: string; owner?: string | null; dueOn?: string | null; status?: string; area?: string | null }
export interface GroupReport { roundId: string; summary: string; actionPlan: ActionPlanItem[]; updatedAt: string | null }
export interface SchoolRound { id: string; name: string; opensOn: string; closesOn: string; status: string; dataSet: DataSet; submission: Submission | null }

export interface Agreement {
  id: string; supporterKind: string; supporterName: string; supporterSchoolId: string | null; status: string; basis: string | null;
  amountPence: number | null; invoiceId: string | null; note: string | null;
}
export interface Need {
  id: string; school: SchoolRef; source: string; sourceRef: string | null; area: string; description: string; foundOn: string; targetOn: string;
  status: string; timing: string; deliveredOn: string | null; impactNote: string | null; closedOn: string | null; agreement: Agreement | null;
}
export interface Candidate { kind: string; id: string | null; name: string; score: number; reasons: string[] }
export interface NeedDetail extends Need { candidates: Candidate[] }
export interface Dashboard { open: number; onTrack: number; dueSoon: number; overdue: number; closed: number; metWithinTarget: number; needs: Need[] }

export interface ConcernStatus { status: string; reasons: string[]; since: string; endedOn: string | null }
export interface ConcernSummary { school: SchoolRef; current: ConcernStatus | null; suggested: ConcernStatus }
export interface ConcernDetail extends ConcernSummary {
  indicators: { id: string; kind: string; value: string; occurredOn: string | null; recordedOn: string; note: string | null }[];
  history: ConcernStatus[]; visits: { id: string; visitedOn: string; visitor: string; notes: string }[];
}
export interface AnnualReport { id: string; academicYearStart: number; title: string; document: string; status: string; generatedAt: string; updatedAt: string }
export interface ParticipationRow {
  schoolId: string; urn: string; schoolName: string; meetingsAttended: number; reviewsLed: number; reviewsReceived: number;
  supportGiven: number; supportReceived: number; cpdPlaces: number; dataRoundsSubmitted: number;
}
export interface Participation { academicYearStart: number; items: ParticipationRow[]; page: number; pageSize: number; total: number; picture: { schools: number; totals: Omit<ParticipationRow, 'schoolId' | 'urn' | 'schoolName'>; notTakingPart: string[]; notTakingPartCount: number; givingSupport: number } }
