import { error } from '@sveltejs/kit';
import { getAs, portalPath, postAs, tenantPath, tryGet } from '#lib/server/improvement-api.ts';
import { done, invalidForm, refused } from '#lib/server/improvement-forms.ts';
import type { ConfidentialReport, Read, Share } from '#lib/improvement/types.ts';
import { early, schoolRoles } from '#lib/server/roles.ts';
import type { Actions, PageServerLoad } from './$types';

/** The head reads her school's confidential report, shares it with named people or a body, revokes, and sees who read it. */
export const load: PageServerLoad = async (event) => {
  const { urn, id } = event.params;
  // As the layout's isHeadteacher, from the session's roles at this school.
  if (!schoolRoles(event.locals.me, urn).includes('headteacher')) error(404, 'Page not found');
  const readsCall = early(getAs<{ items: Read[] }>(event, portalPath(urn, 'confidential-reviews', id, 'reads')));
  const report = await getAs<ConfidentialReport>(event, `/api/v1/me/confidential-reviews/${encodeURIComponent(id)}`);
  if (report.school.urn !== urn) error(404, 'Page not found');
  // The bodies to share with belong to the review's partnership, which only the report names: a third round.
  const [reads, bodies] = await Promise.all([
    readsCall,
    tryGet<{ items: { id: string; name: string; kind: string }[] }>(event, tenantPath(report.tenantSlug, 'bodies')),
  ]);
  return { report, reads: reads.items, bodies: bodies.ok ? bodies.data.items.map((b) => ({ id: b.id, name: b.name })) : [] };
};

export const actions: Actions = {
  share: async (event) => {
    const form = await event.request.formData();
    const email = String(form.get('email') ?? '').trim();
    const bodyId = String(form.get('bodyId') ?? '').trim();
    const echo = { email, bodyId };
    if (!email && !bodyId) return invalidForm('share', { echo, errors: { email: 'Give the e-mail address of the person to share with, or choose a body' } });
    const result = await postAs<{ items: Share[] }>(event, portalPath(event.params.urn, 'confidential-reviews', event.params.id, 'shares'), email ? { email } : { bodyId });
    if (!result.ok) return refused('share', echo, result.problem);
    return done('share', email ? `The report is shared with ${email}.` : 'The report is shared with the body’s members.');
  },
  revoke: async (event) => {
    const form = await event.request.formData();
    const result = await postAs(event, portalPath(event.params.urn, 'confidential-review-shares', String(form.get('shareId') ?? ''), 'revoke'));
    if (!result.ok) return refused('revoke', {}, result.problem);
    return done('revoke', 'The share has been revoked: they can no longer read the report.');
  },
};
