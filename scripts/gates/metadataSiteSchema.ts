/**
 * Metadata API elements of the Experience Cloud site types we ship (Network, CustomSite,
 * DigitalExperienceConfig, DigitalExperienceBundle) that jsforce's WSDL-generated schema
 * predates. Each is an element of the current Metadata API reference (API 65.0) and appears in
 * what Salesforce's own tooling writes for a "Build Your Own (LWR)" site
 * (`sf template generate digital-experience site`, @salesforce/templates), which a test checks
 * passes the metadata gate with no finding.
 */
type PropType = string | [string];

export const SITE_SCHEMA_ADDITIONS: Record<string, Record<string, PropType>> = {
  Network: {
    embeddedLoginEnabled: '?boolean',
    enableApexCDNCaching: '?boolean',
    enableExpFriendlyUrlsAsDefault: '?boolean',
    enableExperienceBundleBasedSnaOverrideEnabled: '?boolean',
    enableImageOptimizationCDN: '?boolean',
    enableLWRExperienceConnectedApp: '?boolean',
    headlessForgotPasswordTemplate: '?string',
    headlessRegistrationTemplate: '?string',
    siteArchiveStatus: '?string',
  },
  CustomSite: {
    allowGuestPaymentsApi: '?boolean',
    cachePublicVisualforcePagesInProxyServers: '?boolean',
    redirectToCustomDomain: '?boolean',
    siteGuestRecordDefaultOwner: '?string',
  },
  DigitalExperienceConfig: { label: 'string', site: 'DigitalExperienceConfigSite', space: 'string' },
  DigitalExperienceConfigSite: { urlPathPrefix: '?string' },
  DigitalExperienceBundle: {
    description: '?string',
    digitalExperienceFolderShares: '?any',
    label: 'string',
    modules: '?DigitalExperienceModules',
  },
  DigitalExperienceModules: { module: ['DigitalExperienceModule'] },
  DigitalExperienceModule: { fullyQualifiedName: 'string', status: 'string' },
};
