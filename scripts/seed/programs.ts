/** Reference data: programs with their tier ladders, and the training catalogue. */
import { MS_PER_DAY } from './calendar';
import { emailPart } from './names';
import { LADDER, MODULES, PROGRAMS } from './programCatalog';
import type { SeedContext } from './context';
import type { ProgramInfo } from './model';

export function generatePrograms(ctx: SeedContext): void {
  const created = ctx.nowMs - 1200 * MS_PER_DAY;
  for (const def of PROGRAMS) {
    const program = ctx.base('Partner_Program__c', created);
    const info: ProgramInfo = { id: String(program.Id), def, tiers: [], ladder: [] };
    for (const tierDef of LADDER.slice(0, def.rungs)) {
      const tier = ctx.base('Partner_Tier__c', created);
      Object.assign(tier, {
        Name: `${def.code === 'TEC' ? 'Alliance ' : ''}${tierDef.name}`,
        Program__c: info.id,
        Rank__c: tierDef.rank,
        Min_Revenue_T12M__c: tierDef.minRevenue,
        Min_Active_Certifications__c: tierDef.minCertifications,
        Min_Closed_Deals__c: tierDef.minDeals,
        Commission_Uplift_Percent__c: tierDef.upliftPercent,
        Discount_Percent__c: tierDef.discountPercent,
        Benefits__c: tierDef.benefits,
      });
      ctx.emit('Partner_Tier__c', tier);
      info.tiers.push({ id: String(tier.Id), def: tierDef });
      info.ladder.push({
        id: String(tier.Id),
        rank: tierDef.rank,
        minRevenue: tierDef.minRevenue,
        minActiveCertifications: tierDef.minCertifications,
        minClosedDeals: tierDef.minDeals,
      });
    }
    Object.assign(program, {
      Name: def.name,
      Program_Type__c: def.type,
      Commission_Model__c: def.commissionModel,
      Base_Commission_Percent__c: def.basePercent,
      Downgrade_Grace_Days__c: def.graceDays,
      Active__c: true,
      Auto_Approve_Applications__c: def.type === 'Referral',
      Allowed_Countries__c: null,
      Description__c: def.description,
      Entry_Tier__c: info.tiers[0].id,
    });
    ctx.emit('Partner_Program__c', program);
    ctx.programs.push(info);
  }
}

export function generateModules(ctx: SeedContext): void {
  MODULES.forEach((def, index) => {
    const module = ctx.base('Training_Module__c', ctx.nowMs - 1100 * MS_PER_DAY);
    const program = def.program === null ? null : (ctx.programs.find((p) => p.def.code === def.program) ?? null);
    Object.assign(module, {
      Name: def.name,
      Program__c: program?.id ?? null,
      Active__c: true,
      Grants_Certification__c: def.grantsCertification,
      Certification_Valid_Months__c: def.validMonths,
      Due_Days__c: def.dueDays,
      Required_For_Onboarding__c: def.requiredForOnboarding,
      Sequence__c: (index + 1) * 10,
      Url__c: `https://learn.example.com/${emailPart(def.name)}`,
    });
    ctx.emit('Training_Module__c', module);
    ctx.modules.push({
      id: String(module.Id),
      grantsCertification: def.grantsCertification,
      validMonths: def.validMonths,
      dueDays: def.dueDays,
      program: program?.id ?? null,
    });
  });
}
