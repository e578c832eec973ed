/** The managed package is installed, and which version. */
import { PACKAGE_NAMESPACE } from '../salesforce/namespace';
import { field, records, type DoctorCheck } from './check';

export const packageVersion: DoctorCheck = {
  id: 'package',
  title: 'Package and version',
  describe: `the managed package (namespace ${PACKAGE_NAMESPACE}) is installed; shows its version`,
  async run(context) {
    const installed = await records(
      context,
      'SELECT SubscriberPackage.NamespacePrefix, SubscriberPackage.Name, SubscriberPackageVersion.MajorVersion, ' +
        'SubscriberPackageVersion.MinorVersion, SubscriberPackageVersion.PatchVersion, SubscriberPackageVersion.BuildNumber ' +
        'FROM InstalledSubscriberPackage',
      true,
    );
    const ours = installed.find((p) => field(p, 'SubscriberPackage.NamespacePrefix') === PACKAGE_NAMESPACE);
    if (ours) {
      const version = ['MajorVersion', 'MinorVersion', 'PatchVersion', 'BuildNumber']
        .map((part) => String(field(ours, `SubscriberPackageVersion.${part}`) ?? 0))
        .join('.');
      return { status: 'pass', detail: `${String(field(ours, 'SubscriberPackage.Name'))} ${version}` };
    }
    if (context.names.namespace === '') {
      return {
        status: 'warn',
        detail: 'the package source is deployed without the managed package (a development org)',
        fix: 'In production, install the managed package version instead of deploying the source.',
      };
    }
    return {
      status: 'fail',
      detail: `no installed package with namespace ${PACKAGE_NAMESPACE}`,
      fix: 'Install the package: `sf package install --package <04t version id> --target-org ORG --wait 30`.',
    };
  },
};
