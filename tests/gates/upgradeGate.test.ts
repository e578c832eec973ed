/**
 * check:upgrade reports what a managed package cannot take back after release — a removed or
 * renamed object, field, permission set or public Apex member, a retyped field — and accepts
 * additions and everything unchanged.
 */
import path from 'node:path';
import * as upgrade from '../../scripts/gates/upgrade';
import { currentSurface } from '../../scripts/gates/upgradeSurface';
import { fixture } from './fixtures';

jest.setTimeout(120_000);

describe('check:upgrade', () => {
  const root = fixture('upgrade');

  it('reports each planted break of the released surface, and only those', async () => {
    const findings = await upgrade.run(root);
    expect(findings.every((f) => f.file === path.join(root, 'config', 'released-surface.json'))).toBe(true);
    expect(findings.map((f) => `${f.check} ${f.message.split(' was released')[0]}`).sort()).toEqual([
      'upgrade:removed InvocableMethod WidgetActions.archive(List<Id>) returns void',
      'upgrade:removed field Widget__c.Size__c',
      'upgrade:removed global WidgetApi.count(String) returns Integer',
      'upgrade:removed object Gadget__c',
      'upgrade:removed permission set Widget_Admin',
      'upgrade:retyped field Widget__c.Colour__c',
    ]);
    expect(findings.find((f) => f.check === 'upgrade:retyped')?.message).toContain(
      'released as Text and is now Number',
    );
  });

  it('records global, AuraEnabled and invocable members with their signatures, fields with their types', () => {
    const surface = currentSurface(root);
    expect(surface.objects.Widget__c).toEqual({ Colour__c: 'Number', Shape__c: 'Text', Weight__c: 'Number' });
    expect(Object.keys(surface.apex)).toEqual([
      'WidgetApi.count(String, Boolean) returns Integer',
      'WidgetApi.describeWidget(Id) returns String',
      'WidgetApi.label(Id) returns String',
      'WidgetApi.Summary (class)',
      'WidgetApi.Summary.total: Integer',
    ]);
    expect(surface.permissionSets).toEqual(['Widget_User']);
  });

  it('asks for a manifest when none was recorded', async () => {
    const findings = await upgrade.run(fixture('convert'));
    expect(findings.map((f) => f.check)).toEqual(['upgrade:manifest']);
  });

  it('finds nothing when the surface is unchanged', () => {
    const surface = currentSurface(root);
    expect(upgrade.compareSurfaces(surface, surface, 'x')).toEqual([]);
  });
});
