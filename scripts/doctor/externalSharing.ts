/** Partners see only their own records: external sharing Private on the objects the package shares. */
import { records, type DoctorCheck } from './check';

const OBJECTS = ['Account', 'Lead', 'Opportunity'];

export const externalSharing: DoctorCheck = {
  id: 'external-sharing',
  title: 'External sharing Private',
  describe: `default external access is Private on ${OBJECTS.join(', ')} (partners see only what is shared with them)`,
  async run(context) {
    const entities = await records(
      context,
      `SELECT QualifiedApiName, ExternalSharingModel FROM EntityDefinition WHERE QualifiedApiName IN (${OBJECTS.map((o) => `'${o}'`).join(', ')})`,
    );
    const models = new Map(entities.map((e) => [String(e.QualifiedApiName), String(e.ExternalSharingModel)]));
    const open = OBJECTS.filter((o) => models.get(o) !== 'Private');
    const detail = OBJECTS.map((o) => `${o}: ${models.get(o) ?? 'unknown'}`).join(', ');
    return open.length === 0
      ? { status: 'pass', detail }
      : {
          status: 'fail',
          detail,
          fix: `Setup › Sharing Settings › Default External Access: set ${open.join(', ')} to Private.`,
        };
  },
};
