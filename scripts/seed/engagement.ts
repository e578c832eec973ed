/** Partner engagement: certifications per contact and the activity log. */
import { addDays, dateOf, datetimeOf, msOfDate } from './calendar';
import type { SeedContext } from './context';
import type { Cluster } from './model';
import { missing } from './problems';
import { noteStep } from './adoption';

const ACTIVITY_TYPES: ReadonlyArray<readonly [string, number, number]> = [
  ['Login', 45, 1],
  ['Resource Download', 20, 2],
  ['Training Completed', 8, 10],
  ['Deal Registered', 12, 5],
  ['Lead Submitted', 5, 5],
  ['Lead Accepted', 10, 3],
];

export function generateCertifications(ctx: SeedContext, cluster: Cluster): void {
  const programs = new Set(cluster.partner.memberships.map((m) => m.program.id));
  const eligible = ctx.modules.filter((m) => m.program === null || programs.has(m.program));
  for (const contact of cluster.contacts) {
    const count = ctx.random.int(0, 3);
    const taken = new Set<string>();
    for (let i = 0; i < count; i++) {
      const module = ctx.random.pick(eligible);
      if (taken.has(module.id)) {
        continue;
      }
      taken.add(module.id);
      const assigned = dateOf(ctx.msDaysAgo(0, 700));
      const due = addDays(assigned, module.dueDays);
      const roll = ctx.random.next();
      const record = ctx.base('Partner_Certification__c', msOfDate(assigned));
      let status: string;
      let completedOn: string | null = null;
      let expiresOn: string | null = null;
      if (roll < 0.65 && due < ctx.today) {
        completedOn = addDays(assigned, ctx.random.int(1, module.dueDays));
        expiresOn = module.validMonths === null ? null : addDays(completedOn, Math.round(module.validMonths * 30.4));
        status = expiresOn !== null && expiresOn < ctx.today ? 'Expired' : 'Completed';
        cluster.activity.trainingsCompleted += 1;
      } else {
        status = roll < 0.8 ? 'In Progress' : 'Assigned';
      }
      Object.assign(record, {
        Contact__c: contact.id,
        Partner_Account__c: cluster.partner.id,
        Training_Module__c: module.id,
        Status__c: status,
        Due_Date__c: due,
        Completed_On__c: completedOn,
        Expires_On__c: expiresOn,
        Reminder_Sent_On__c: null,
      });
      if (status === 'In Progress' || status === 'Assigned') {
        missing(ctx, 'Partner_Certification__c', record, ['Due_Date__c']);
      }
      ctx.emit('Partner_Certification__c', record);
    }
  }
}

export function generateActivities(ctx: SeedContext, cluster: Cluster): void {
  const count = ctx.random.poisson(cluster.partner.active ? 16 : 4);
  for (let i = 0; i < count; i++) {
    const [type, , points] = ctx.random.weighted(ACTIVITY_TYPES.map((t) => [t, t[1]] as const));
    const occurredMs = ctx.msDaysAgo(0, 360);
    const record = ctx.base('Partner_Activity__c', occurredMs);
    Object.assign(record, {
      Partner_Account__c: cluster.partner.id,
      Contact__c: ctx.random.pick(cluster.contacts).id,
      Activity_Type__c: type,
      Occurred_At__c: datetimeOf(occurredMs),
      Points__c: points,
      Related_Record_Id__c: null,
    });
    if (type === 'Login') {
      cluster.activity.logins += 1;
      noteStep(cluster, 'login', occurredMs);
    } else if (type === 'Resource Download') {
      cluster.activity.resourceDownloads += 1;
    }
    ctx.emit('Partner_Activity__c', record);
  }
}
