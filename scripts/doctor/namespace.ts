/** Under which namespace the package's objects are, as `prm` will map names. */
import { PACKAGE_NAMESPACE } from '../salesforce/namespace';
import type { DoctorCheck } from './check';

export const namespace: DoctorCheck = {
  id: 'namespace',
  title: 'Namespace',
  describe: `the package's objects carry the namespace ${PACKAGE_NAMESPACE} (none in a development org); prm maps names to it`,
  run(context) {
    if (context.names.namespace === undefined) {
      return Promise.resolve({
        status: 'fail',
        detail: "the package's objects are not in this org",
        fix: 'Install the package (or deploy force-app/main); prm seed, audit and doctor need its objects.',
      });
    }
    const found = context.names.namespace;
    if (found === PACKAGE_NAMESPACE) {
      return Promise.resolve({ status: 'pass', detail: `${found}__ (prm maps names to it)` });
    }
    if (found === '') {
      return Promise.resolve({ status: 'warn', detail: 'no namespace: the source is deployed unpackaged' });
    }
    return Promise.resolve({
      status: 'fail',
      detail: `the package's objects carry ${found}__, not ${PACKAGE_NAMESPACE}__`,
      fix: `This is not the released package. Install the ${PACKAGE_NAMESPACE} package, or pass --namespace ${found} to work with this one.`,
    });
  },
};
