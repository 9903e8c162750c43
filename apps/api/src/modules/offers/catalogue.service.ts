import { Injectable } from '@nestjs/common';
import { Database, type EntityManager } from '@partnerships/db';
import { DirectoryRepository } from '../directory/directory.repository';
import {
  buyerRuleProblems, defaultQuantity, describeBuyerRule, entitlementBalance, entitlementUseProblem, isValidIsoDate, londonToday, OFFER_UNIT_LABELS, priceFor,
  priceYearOf, pricesInForce, type BuyerRule,
} from '@partnerships/domain';
import { buyerOf, OfferBuyerRepository, OfferRepository, type OfferWithPrices, type PriceFields } from '@partnerships/jobs';
import { loadBillingSettings } from '@partnerships/invoicing';
import { AppError, conflict, invalid, notFound } from '../../common/app-error';
import { isUuid } from '../../common/ids';
import { inTenant, type AuthedContext, type TenantContext } from '../../common/request-context';
import { EntitlementRepository } from './entitlement.repository';
import type {
  CreateOfferDto, EntitlementBalanceDto, EntitlementQueryDto, LedgerDto, OfferDto, OfferListQueryDto, PublicOfferListDto, RecordUseDto, SchoolOfferListDto,
  SetPricesDto, UpdateOfferDto,
} from './offers.dto';
import { schoolInTenant } from './offer-context';

export function offerDto(o: OfferWithPrices): OfferDto {
  return {
    id: o.id, kind: o.kind, title: o.title, summary: o.summary, description: o.description, unit: o.unit, yearBasis: o.yearBasis, categories: o.categories,
    allowance: o.allowance, poolCapacity: o.poolCapacity, rolling: o.rolling, status: o.status, public: o.public,
    prices: o.prices.map((p) => ({ id: p.id, year: p.year, position: p.position, label: p.label ?? null, buyer: p.buyer, pence: p.pence, vat: p.vat, forWhom: describeBuyerRule(p.buyer) })),
  };
}

/** Checks a year's price list: each buyer rule, by field (`prices.0.buyer.phases`). */
function pricesFrom(dto: SetPricesDto, field = 'prices'): PriceFields[] {
  const problems = dto.prices.flatMap((p, i) => buyerRuleProblems(p.buyer, `${field}.${i}.buyer`));
  if (problems.length) throw invalid(problems);
  return dto.prices.map((p, i) => ({ year: dto.year, position: i, label: p.label?.trim() || null, buyer: (p.buyer ?? {}) as BuyerRule, pence: p.pence, vat: p.vat ?? 'standard' }));
}

function shapeProblems(kind: string, fields: { allowance?: number | null; poolCapacity?: number | null; categories?: string[] }): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  if (kind === 'pool' && (fields.poolCapacity === undefined || fields.poolCapacity === null)) problems.push({ field: 'poolCapacity', message: 'Say how many places the pool has each day.' });
  if (kind !== 'pool' && fields.poolCapacity) problems.push({ field: 'poolCapacity', message: 'Only a shared pool has a daily capacity.' });
  if (kind !== 'core_entitlement' && fields.allowance !== undefined && fields.allowance !== null) problems.push({ field: 'allowance', message: 'Only a core entitlement has an allowance.' });
  return problems;
}

/** The catalogue (offers and prices), prices for a school, the public catalogue and core entitlements. */
@Injectable()
export class CatalogueService {
  constructor(private readonly db: Database) {}

  async list(ctx: TenantContext, query: OfferListQueryDto): Promise<{ items: OfferDto[] }> {
    const offers = await inTenant(this.db, ctx, (em) =>
      new OfferRepository(em).list(ctx.tenant.id, { ...(query.status ? { statuses: [query.status] } : {}), ...(query.kind ? { kinds: [query.kind] } : {}) }),
    );
    return { items: offers.map(offerDto) };
  }

  async get(ctx: TenantContext, id: string): Promise<OfferDto> {
    return offerDto(await inTenant(this.db, ctx, (em) => this.load(em, ctx.tenant.id, id)));
  }

  async create(ctx: TenantContext, dto: CreateOfferDto): Promise<{ id: string }> {
    const problems = shapeProblems(dto.kind, dto);
    if (problems.length) throw invalid(problems);
    const prices = dto.prices ? pricesFrom(dto.prices, 'prices.prices') : [];
    const id = await inTenant(this.db, ctx, async (em) => {
      const offers = new OfferRepository(em);
      const created = await offers.create(ctx.tenant.id, {
        kind: dto.kind, title: dto.title.trim(), summary: dto.summary?.trim() || null, description: dto.description?.trim() || null, unit: dto.unit ?? (dto.kind === 'pool' ? 'per_day' : 'per_school'),
        yearBasis: dto.yearBasis ?? 'academic', categories: dto.categories ?? [], allowance: dto.allowance ?? null, poolCapacity: dto.poolCapacity ?? null, rolling: dto.rolling ?? false, public: dto.public ?? false,
      }, ctx.user.id);
      if (dto.prices) await offers.replacePrices(ctx.tenant.id, created, dto.prices.year, prices);
      return created;
    });
    return { id };
  }

  async update(ctx: TenantContext, id: string, dto: UpdateOfferDto): Promise<OfferDto> {
    return inTenant(this.db, ctx, async (em) => {
      const offer = await this.load(em, ctx.tenant.id, id, true);
      const problems = shapeProblems(offer.kind, { poolCapacity: dto.poolCapacity === undefined ? offer.poolCapacity : dto.poolCapacity, ...(dto.allowance !== undefined ? { allowance: dto.allowance } : {}) });
      if (problems.length) throw invalid(problems);
      const offers = new OfferRepository(em);
      await offers.update(ctx.tenant.id, id, {
        ...(dto.title !== undefined ? { title: dto.title.trim() } : {}),
        ...(dto.summary !== undefined ? { summary: dto.summary?.trim() || null } : {}),
        ...(dto.description !== undefined ? { description: dto.description?.trim() || null } : {}),
        ...(dto.unit !== undefined ? { unit: dto.unit } : {}),
        ...(dto.yearBasis !== undefined ? { yearBasis: dto.yearBasis } : {}),
        ...(dto.categories !== undefined ? { categories: dto.categories } : {}),
        ...(dto.allowance !== undefined ? { allowance: dto.allowance } : {}),
        ...(dto.poolCapacity !== undefined ? { poolCapacity: dto.poolCapacity } : {}),
        ...(dto.rolling !== undefined ? { rolling: dto.rolling } : {}),
        ...(dto.public !== undefined ? { public: dto.public } : {}),
      });
      return offerDto(await this.load(em, ctx.tenant.id, id));
    });
  }

  async setPrices(ctx: TenantContext, id: string, dto: SetPricesDto): Promise<OfferDto> {
    const prices = pricesFrom(dto);
    return inTenant(this.db, ctx, async (em) => {
      const offer = await this.load(em, ctx.tenant.id, id, true);
      if (offer.status === 'archived') throw conflict('An archived offer’s prices cannot be changed.');
      await new OfferRepository(em).replacePrices(ctx.tenant.id, id, dto.year, prices);
      return offerDto(await this.load(em, ctx.tenant.id, id));
    });
  }

  async setStatus(ctx: TenantContext, id: string, status: 'published' | 'archived'): Promise<OfferDto> {
    return inTenant(this.db, ctx, async (em) => {
      const offer = await this.load(em, ctx.tenant.id, id, true);
      if (status === 'published') {
        if (offer.status === 'archived') throw conflict('An archived offer cannot be published again; create a new one.');
        if (offer.kind !== 'core_entitlement' && offer.kind !== 'bespoke' && offer.prices.length === 0) throw conflict('Set at least one price before publishing.');
      }
      await new OfferRepository(em).setStatus(ctx.tenant.id, id, status);
      return offerDto(await this.load(em, ctx.tenant.id, id));
    });
  }

  /** The published catalogue with this school's price for each offer (member or not, by phase, type and category). */
  async forSchool(ctx: AuthedContext, urn: string, slug: string, date?: string): Promise<SchoolOfferListDto> {
    const { school, tenant } = await schoolInTenant(this.db, ctx, urn, slug);
    const on = date ?? londonToday();
    if (!isValidIsoDate(on)) throw invalid([{ field: 'date', message: 'That is not a real date.' }]);
    return this.db.inTenant(tenant.id, { userId: ctx.user.id }, async (em) => {
      const facts = await new OfferBuyerRepository(em).bySchoolId(tenant.id, school.id);
      if (!facts) throw notFound('school');
      const buyer = buyerOf(facts);
      const offers = await new OfferRepository(em).list(tenant.id, { statuses: ['published'] });
      const settings = await loadBillingSettings(em, tenant.id);
      const used = await new EntitlementRepository(em).usedByYear(tenant.id, priceYearOf(on), [school.id]);
      const items = offers.map((offer) => {
        const quantity = defaultQuantity(offer, buyer);
        const price = priceFor(offer, buyer, quantity, on, settings.vat);
        const usedHere = used.find((u) => u.offerId === offer.id)?.used ?? 0;
        const remaining = offer.kind === 'core_entitlement' && offer.allowance !== null && price.available && price.included ? entitlementBalance(offer.allowance, [{ quantity: usedHere }]).remaining : null;
        return {
          id: offer.id, kind: offer.kind, title: offer.title, summary: offer.summary, unit: offer.unit, rolling: offer.rolling, available: price.available,
          pricePence: price.available ? price.unitPence : null, vatPence: price.available ? price.vatPence : null, quantity,
          totalPence: price.available ? price.netPence : null, free: price.available && price.free, includedInMembership: price.available && price.included,
          explanation: price.available ? price.sentence : price.reason, remaining,
        };
      });
      return { member: buyer.member, category: buyer.category ?? null, phase: String(buyer.phase), date: on, items };
    });
  }

  /** A listed, active partnership's published public offers, with member and non-member prices this year. */
  async publicCatalogue(slug: string): Promise<PublicOfferListDto> {
    const tenantId = await this.db.asPlatform({}, async (em) => (await new DirectoryRepository(em).findVisibleTenant(slug))?.id ?? null);
    if (!tenantId) throw notFound('partnership');
    const year = priceYearOf(londonToday());
    const offers = await this.db.inTenant(tenantId, {}, (em) => new OfferRepository(em).list(tenantId, { statuses: ['published'], publicOnly: true }));
    return {
      items: offers.map((o) => {
        const inForce = pricesInForce(o.prices, year)?.prices ?? [];
        // The price every member (or non-member) school can have: rules for that membership with no phase, type or category
        // condition; only when there are none, the lowest of the rules open to it ("from" a price).
        const lowest = (who: 'member' | 'non-member') => {
          const open = inForce.filter((p) => p.buyer.membership === undefined || p.buyer.membership === who);
          const general = open.filter((p) => !p.buyer.phases?.length && !p.buyer.schoolTypes?.length && !p.buyer.categories?.length);
          const fits = (general.length ? general : open).map((p) => p.pence);
          return fits.length ? Math.min(...fits) : o.kind === 'core_entitlement' && who === 'member' ? 0 : null;
        };
        return {
          id: o.id, kind: o.kind, title: o.title, summary: o.summary, unit: o.unit,
          memberPricePence: lowest('member'), nonMemberPricePence: lowest('non-member'),
          prices: inForce.map((p) => ({ label: p.label ?? null, forWhom: describeBuyerRule(p.buyer), pence: p.pence })),
        };
      }),
    };
  }

  // ---------------------------------------------------------------- core entitlements

  async balances(ctx: TenantContext, query: EntitlementQueryDto): Promise<{ items: EntitlementBalanceDto[] }> {
    return inTenant(this.db, ctx, async (em) => this.balancesIn(em, ctx.tenant.id, query.year ?? null, query.schoolId ? [query.schoolId] : null));
  }

  async ledger(ctx: TenantContext, query: EntitlementQueryDto): Promise<LedgerDto> {
    const year = query.year ?? priceYearOf(londonToday());
    const items = await inTenant(this.db, ctx, (em) => new EntitlementRepository(em).entries(ctx.tenant.id, { year, ...(query.schoolId ? { schoolId: query.schoolId } : {}) }));
    return { items: items.map(({ recordedBy: _, ...rest }) => rest) };
  }

  async recordUse(ctx: TenantContext, dto: RecordUseDto): Promise<EntitlementBalanceDto> {
    const onDate = dto.onDate ?? londonToday();
    if (!isValidIsoDate(onDate)) throw invalid([{ field: 'onDate', message: 'That is not a real date.' }]);
    return inTenant(this.db, ctx, async (em) => {
      const offer = await new OfferRepository(em).find(ctx.tenant.id, dto.offerId);
      if (!offer || offer.kind !== 'core_entitlement') throw invalid([{ field: 'offerId', message: 'Choose one of the partnership’s core entitlements.' }]);
      const school = await new OfferBuyerRepository(em).memberSchoolByUrn(ctx.tenant.id, dto.urn);
      if (!school) throw invalid([{ field: 'urn', message: 'That school is not one of the partnership’s schools.' }]);
      const year = priceYearOf(onDate, offer.yearBasis);
      const ledger = new EntitlementRepository(em);
      await ledger.lockSchoolOffer(ctx.tenant.id, school.schoolId, offer.id);
      const used = (await ledger.usedByYear(ctx.tenant.id, year, [school.schoolId])).find((u) => u.offerId === offer.id)?.used ?? 0;
      const problem = entitlementUseProblem(entitlementBalance(offer.allowance, [{ quantity: used }]), dto.quantity);
      if (problem) throw new AppError('conflict', 409, problem, [{ field: 'quantity', message: problem }]);
      await ledger.add(ctx.tenant.id, { offerId: offer.id, schoolId: school.schoolId, year, quantity: dto.quantity, onDate, note: dto.note?.trim() || null, recordedBy: ctx.user.id });
      const [balance] = (await this.balancesIn(em, ctx.tenant.id, year, [school.schoolId])).items.filter((b) => b.offerId === offer.id && b.year === year);
      return balance!;
    });
  }

  /** The school's own balances in one partnership (its portal). */
  async schoolBalances(ctx: AuthedContext, urn: string, slug: string): Promise<{ items: EntitlementBalanceDto[] }> {
    const { school, tenant } = await schoolInTenant(this.db, ctx, urn, slug);
    return this.db.inTenant(tenant.id, { userId: ctx.user.id }, (em) => this.balancesIn(em, tenant.id, null, [school.id]));
  }

  /** Balances for a year (a start year in each entitlement's own basis), or for the year each entitlement is in today. */
  private async balancesIn(em: EntityManager, tenantId: string, givenYear: number | null, schoolIds: string[] | null): Promise<{ items: EntitlementBalanceDto[] }> {
    const entitlements = (await new OfferRepository(em).list(tenantId, { kinds: ['core_entitlement'], statuses: ['published', 'archived'] }));
    if (entitlements.length === 0) return { items: [] };
    const today = londonToday();
    const yearOf = (offer: OfferWithPrices) => givenYear ?? priceYearOf(today, offer.yearBasis);
    const ledger = new EntitlementRepository(em);
    const used: { offerId: string; schoolId: string; used: number; year: number }[] = [];
    for (const year of new Set(entitlements.map(yearOf))) used.push(...(await ledger.usedByYear(tenantId, year, schoolIds)).map((u) => ({ ...u, year })));
    const buyers = new OfferBuyerRepository(em);
    const ids = schoolIds ?? [...new Set(used.map((u) => u.schoolId))];
    const schools = (await buyers.bySchoolIds(tenantId, ids)).filter((s) => s.membershipId !== null);
    const items: EntitlementBalanceDto[] = [];
    for (const school of schools) {
      const buyer = buyerOf(school);
      for (const offer of entitlements) {
        const year = yearOf(offer);
        const usedHere = used.find((u) => u.offerId === offer.id && u.schoolId === school.schoolId && u.year === year)?.used ?? 0;
        const included = buyer.member && (offer.categories.length === 0 || (buyer.category !== null && buyer.category !== undefined && offer.categories.includes(buyer.category)));
        if (!included && usedHere === 0) continue;
        if (offer.status === 'archived' && usedHere === 0) continue;
        const balance = entitlementBalance(included ? offer.allowance : 0, [{ quantity: usedHere }], (OFFER_UNIT_LABELS[offer.unit] ?? OFFER_UNIT_LABELS.per_item).many);
        items.push({ offerId: offer.id, title: offer.title, schoolId: school.schoolId, urn: school.urn, schoolName: school.name, year, ...balance });
      }
    }
    return { items };
  }

  private async load(em: EntityManager, tenantId: string, id: string, _forChange = false): Promise<OfferWithPrices> {
    if (!isUuid(id)) throw notFound('offer');
    const offer = await new OfferRepository(em).find(tenantId, id);
    if (!offer) throw notFound('offer');
    return offer;
  }
}
