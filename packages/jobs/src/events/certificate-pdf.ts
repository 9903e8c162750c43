import { formatUkDate } from '@partnerships/domain';
import PDFDocument from 'pdfkit';

/** What a certificate of attendance says. */
export interface CertificateForPdf {
  partnershipName: string;
  delegateName: string;
  schoolName: string;
  eventTitle: string;
  /** "20 January 2027", or "20 January and 3 February 2027". */
  dates: string;
  /** Hours attended, e.g. 6.5. */
  hours: number | null;
  issuedOn: string;
  reference: string;
}

/**
 * A certificate of attendance as a PDF (A4 landscape, the standard Helvetica font, text rather
 * than images, a title and language set for screen readers). Deterministic apart from the
 * creation date, which is pinned to the issue date.
 */
export function renderCertificatePdf(c: CertificateForPdf): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 60,
    lang: 'en-GB',
    info: { Title: `Certificate of attendance: ${c.eventTitle}`, Author: c.partnershipName, Subject: c.delegateName, CreationDate: new Date(`${c.issuedOn}T12:00:00Z`) },
    displayTitle: true,
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 120;
  doc.font('Helvetica').fontSize(14).text(c.partnershipName, 60, 70, { width, align: 'center' });
  doc.moveDown(1.5).font('Helvetica-Bold').fontSize(30).text('Certificate of attendance', { width, align: 'center' });
  doc.moveDown(1.2).font('Helvetica').fontSize(14).text('This is to certify that', { width, align: 'center' });
  doc.moveDown(0.6).font('Helvetica-Bold').fontSize(24).text(c.delegateName, { width, align: 'center' });
  doc.moveDown(0.3).font('Helvetica').fontSize(14).text(c.schoolName, { width, align: 'center' });
  doc.moveDown(1).text('attended', { width, align: 'center' });
  doc.moveDown(0.6).font('Helvetica-Bold').fontSize(20).text(c.eventTitle, { width, align: 'center' });
  doc.moveDown(0.6).font('Helvetica').fontSize(14).text(c.dates + (c.hours ? ` (${c.hours} hours)` : ''), { width, align: 'center' });
  doc.font('Helvetica').fontSize(10).text(`Issued ${formatUkDate(c.issuedOn)} · Reference ${c.reference}`, 60, doc.page.height - 90, { width, align: 'center' });
  doc.end();
  return done;
}
