import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** Who supports a need, free or charged, and the invoice for charged support. */
@Entity({ name: 'support_agreements' })
@Index('support_agreements_need_key', ['tenantId', 'needId'], { unique: true, where: "status <> 'withdrawn'" })
export class SupportAgreementRecord {
  @PrimaryGeneratedColumn('uuid') id: string;
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'need_id', type: 'uuid' }) needId: string;
  @Column({ name: 'supporter_kind', type: 'text' }) supporterKind: string;
  @Column({ name: 'supporter_school_id', type: 'uuid', nullable: true }) supporterSchoolId: string | null;
  @Column({ name: 'supporter_offer_id', type: 'uuid', nullable: true }) supporterOfferId: string | null;
  @Column({ name: 'supporter_body_id', type: 'uuid', nullable: true }) supporterBodyId: string | null;
  @Column({ name: 'supporter_name', type: 'text' }) supporterName: string;
  @Column({ type: 'text', default: 'proposed' }) status: string;
  @Column({ type: 'text', nullable: true }) basis: string | null;
  @Column({ name: 'amount_pence', type: 'integer', nullable: true }) amountPence: number | null;
  @Column({ name: 'invoice_id', type: 'uuid', nullable: true }) invoiceId: string | null;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ name: 'agreed_by', type: 'uuid', nullable: true }) agreedBy: string | null;
  @Column({ name: 'agreed_at', type: 'timestamptz', nullable: true }) agreedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
