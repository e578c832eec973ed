/**
 * Salesforce's own components an LWR site may place, by definition. The list holds the ones
 * Salesforce's "Build Your Own (LWR)" template places (@salesforce/templates) and the
 * Navigation Menu of Experience Builder; a definition outside it is a typo or a component
 * nobody has checked in an org yet (add it here once a deploy proved it).
 */
export const STANDARD_COMPONENTS: ReadonlySet<string> = new Set([
  // Layouts and sections.
  'community_byo:scopedHeaderAndFooter',
  'community_layout:section',
  'community_layout:simpleThemeLayout',
  'community_layout:sldsFlexibleLayout',
  // Content.
  'community_builder:htmlEditor',
  'community_builder:richTextEditor',
  'community_builder:seoAssistant',
  'dxp_content_layout:siteLogo',
  'experience_availability:autoRefresh',
  // Login and password pages.
  'community_login:checkEmail',
  'community_login:employeeLoginLink',
  'community_login:forgotPassword',
  'community_login:loginForm',
  'community_login:selfRegister',
  // Experience Builder's Navigation Menu (binds to a NavigationMenu by developer name).
  'community_navigation:customizableNavigationBarContainer',
]);

/** Attributes Experience Builder adds to every component (styling), not declared by the component. */
export const BUILDER_ATTRIBUTES: ReadonlySet<string> = new Set(['dxpStyle']);
