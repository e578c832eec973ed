/** The partner portal site exists and is live. */
import { records, type DoctorCheck } from './check';

export const SITE_NAME = 'Partner Portal';

export const sitePublished: DoctorCheck = {
  id: 'site',
  title: 'Partner portal published',
  describe: `the Experience Cloud site "${SITE_NAME}" exists and its status is Live`,
  async run(context) {
    const networks = await records(
      context,
      `SELECT Name, Status, UrlPathPrefix FROM Network WHERE Name = '${SITE_NAME}'`,
    );
    if (networks.length === 0) {
      return {
        status: 'fail',
        detail: `no site named ${SITE_NAME}`,
        fix: 'Deploy force-app/portal after the package (`npm run org:deploy` does), then publish it.',
      };
    }
    const status = String(networks[0].Status);
    return status === 'Live'
      ? { status: 'pass', detail: `Live at /${String(networks[0].UrlPathPrefix ?? '')}` }
      : {
          status: 'fail',
          detail: `status ${status}`,
          fix: `Publish it: \`sf community publish --name "${SITE_NAME}" --target-org ORG\`, then activate it in Setup › Digital Experiences.`,
        };
  },
};
