/** What an invoice list shows of each invoice (the partnership's and the school's lists alike). */
export interface InvoiceRow {
  id: string;
  number: string;
  periodLabel: string;
  partLabel: string | null;
  dueOn: string;
  totalPence: number;
  outstandingPence: number;
  status: string;
  overdue: boolean;
}
