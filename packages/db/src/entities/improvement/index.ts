import { DataSetRecord } from './data-set.entity';
import { DataSetIndicatorRecord } from './data-set-indicator.entity';
import { DataRoundRecord } from './data-round.entity';
import { DataSubmissionRecord } from './data-submission.entity';
import { DataBenchmarkRecord } from './data-benchmark.entity';
import { DataRoundOutcomeRecord } from './data-round-outcome.entity';
import { DataRoundReportRecord } from './data-round-report.entity';
import { SupportNeedRecord } from './support-need.entity';
import { SupportAgreementRecord } from './support-agreement.entity';
import { ConcernAccessRecord } from './concern-access.entity';
import { ConcernIndicatorRecord } from './concern-indicator.entity';
import { ConcernStatusRecord } from './concern-status.entity';
import { MonitoringVisitRecord } from './monitoring-visit.entity';
import { AnnualReportRecord } from './annual-report.entity';

export { DataSetRecord, DataSetIndicatorRecord, DataRoundRecord, DataSubmissionRecord, DataBenchmarkRecord, DataRoundOutcomeRecord, DataRoundReportRecord, SupportNeedRecord, SupportAgreementRecord, ConcernAccessRecord, ConcernIndicatorRecord, ConcernStatusRecord, MonitoringVisitRecord, AnnualReportRecord };

/** The school improvement tables: data rounds, brokerage, schools causing concern, the annual report (issue 12). */
export const IMPROVEMENT_ENTITIES = [DataSetRecord, DataSetIndicatorRecord, DataRoundRecord, DataSubmissionRecord, DataBenchmarkRecord, DataRoundOutcomeRecord, DataRoundReportRecord, SupportNeedRecord, SupportAgreementRecord, ConcernAccessRecord, ConcernIndicatorRecord, ConcernStatusRecord, MonitoringVisitRecord, AnnualReportRecord];
