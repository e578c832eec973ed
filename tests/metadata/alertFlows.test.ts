/**
 * The alert flows admins edit in Flow Builder: what the flow scanner cannot see. Every
 * `$Record` field path exists in the object metadata, the policy record and custom
 * notification type each flow looks up are shipped, each flow has Flow tests for its
 * outcomes, and no Apex class sends the same alert (the flows are its single source).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { PROJECT_ROOT } from '../../scripts/lib/project';
import { loadMetadata } from '../../scripts/lib/metadataModel';
import { resolveFieldPath } from '../../scripts/metadata/integrity';

const SOURCE = path.join(PROJECT_ROOT, 'force-app', 'main', 'default');
const model = loadMetadata(SOURCE);
const parser = new XMLParser({
  isArray: (name) => ['recordLookups', 'filters', 'testPoints', 'assertions'].includes(name),
});
const read = (file: string) => readFileSync(file, 'utf8');

interface Lookup {
  object: string;
  filters: { field: string; value: { stringValue?: string } }[];
}

const FLOWS = [
  {
    name: 'PRM_Large_Deal_Registered',
    object: 'Deal_Registration__c',
    policy: 'Large_Deal_Registered',
    notification: 'PRM_Registration_Alert',
  },
  {
    name: 'PRM_Partner_Tier_Changed',
    object: 'Tier_Change__c',
    policy: 'Tier_Change',
    notification: 'PRM_Tier_Update',
  },
];

describe.each(FLOWS)('flow $name', (spec) => {
  const text = read(path.join(SOURCE, 'flows', `${spec.name}.flow-meta.xml`));
  const flow = (
    parser.parse(text) as { Flow: { start: Record<string, unknown>; recordLookups: Lookup[]; status: string } }
  ).Flow;

  it('is an active after-save record-triggered flow on its object', () => {
    expect(flow.status).toBe('Active');
    expect(flow.start.object).toBe(spec.object);
    expect(flow.start.triggerType).toBe('RecordAfterSave');
  });

  it('names only fields that exist, through relationships that exist', () => {
    const paths = [...new Set([...text.matchAll(/\$Record\.([A-Za-z0-9_.]+)/g)].map((m) => m[1]))];
    expect(paths.length).toBeGreaterThan(3);
    const broken = paths
      .map((dotted) => ({ dotted, resolution: resolveFieldPath(model, spec.object, dotted) }))
      .filter((r) => !r.resolution.ok);
    expect(broken).toEqual([]);
  });

  it('reads a shipped alert policy record and a shipped custom notification type', () => {
    const lookedUp = (object: string) =>
      flow.recordLookups.filter((l) => l.object === object).map((l) => l.filters[0].value.stringValue);
    expect(lookedUp('Alert_Policy__mdt')).toEqual([spec.policy]);
    expect(model.customMetadataRecords.some((r) => r.type === 'Alert_Policy__mdt' && r.name === spec.policy)).toBe(
      true,
    );
    expect(lookedUp('CustomNotificationType')).toEqual([spec.notification]);
    expect(readdirSync(path.join(SOURCE, 'notificationtypes'))).toContain(`${spec.notification}.notiftype-meta.xml`);
  });

  it('ships Flow tests that assert its outcomes', () => {
    const tests = readdirSync(path.join(SOURCE, 'flowtests'))
      .filter((f) => f.startsWith(spec.name))
      .map(
        (f) =>
          (
            parser.parse(read(path.join(SOURCE, 'flowtests', f))) as {
              FlowTest: { flowApiName: string; testPoints: { assertions?: unknown[] }[] };
            }
          ).FlowTest,
      );
    expect(tests.length).toBeGreaterThan(0);
    for (const test of tests) {
      expect(test.flowApiName).toBe(spec.name);
      expect(test.testPoints.flatMap((p) => p.assertions ?? []).length).toBeGreaterThan(0);
    }
  });
});

describe('the alert flows as the single source of their alerts', () => {
  it('no Apex class sends the large deal or tier change alert', () => {
    const classes = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory()
          ? classes(path.join(dir, entry.name))
          : entry.name.endsWith('.cls') && !entry.name.endsWith('_Tests.cls')
            ? [path.join(dir, entry.name)]
            : [],
      );
    const senders = classes(path.join(SOURCE, 'classes')).filter((file) =>
      /alertPolicy\(\s*(ALERT_LARGE_DEAL|'Large Deal Registered')|alertType\s*=\s*(ALERT_TIER_CHANGE|'Tier Change')|TEMPLATE_TIER_CHANGE\s*[;:]/.test(
        read(file),
      ),
    );
    expect(senders.map((f) => path.basename(f))).toEqual([]);
  });
});
