/** The non-owner, non-bypassing role every request runs as. Created by the first migration. */
export const APP_ROLE = 'partnerships_app';
