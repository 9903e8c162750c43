// Named exports only, so the package index can re-export this with `export *` safely.
export type { CsvRecord } from './csv-reader';
export { CsvReader, csvField, csvLine, readCsv } from './csv-reader';
export type { CsvEncoding } from './text-encoding';
export type { StreamingDecoder } from './text-encoding';
export { EncodingSniffer, encodeWindows1252, textDecoderFor } from './text-encoding';
export type { GiasColumnIndex, GiasField, GiasRow, RegisterEntry, RegisterStatus } from './gias-register';
export { GIAS_COLUMNS, REGISTER_STATUSES, giasColumns, giasDate, giasName, sixthFormFromGias, missingColumnsMessage, phaseFromGias, readGiasRow, registerStatusFromGias, shouldAddToRegister } from './gias-register';
export type { GiasSampleSchool } from './gias-sample-file';
export { GIAS_SAMPLE_HEADER, giasCsv, giasCsvLines, giasSampleSchools } from './gias-sample-file';
export type { MembershipCategoryTemplate, MembershipCategoryTemplateName } from './category-templates';
export { MEMBERSHIP_CATEGORY_TEMPLATES, MEMBERSHIP_CATEGORY_TEMPLATE_NAMES, categoryEligibility } from './category-templates';
