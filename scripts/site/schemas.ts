/**
 * JSON Schemas of the DigitalExperienceBundle content items an LWR site is made of: one per
 * content type, plus `_meta.json`. Written from the Metadata API reference
 * (DigitalExperienceBundle: workspace `site`, content types `sfdc_cms__*`, each item a
 * `_meta.json` and a `content.json`) and from Salesforce's own "Build Your Own (LWR)" site
 * template (`sf template generate digital-experience site`, package @salesforce/templates),
 * which the tests validate against these schemas. Strict where our gate relies on a field
 * (route → view, view type, theme layouts, component trees); open (`additionalProperties`)
 * where the platform adds settings over time.
 */
import type { JSONSchemaType } from 'ajv';

/** A placed component: definition `namespace:name`, its attributes and its regions. */
export interface ComponentNode {
  id: string;
  type: 'component';
  definition: string;
  attributes?: Record<string, unknown>;
  children?: RegionNode[];
}

/** A region of a layout or section, holding components. */
export interface RegionNode {
  id: string;
  type: 'region';
  name: string;
  title?: string;
  children?: ComponentNode[];
}

const ID = { type: 'string', minLength: 1 } as const;

const componentTree = {
  $defs: {
    component: {
      type: 'object',
      required: ['id', 'type', 'definition'],
      additionalProperties: false,
      properties: {
        id: ID,
        type: { const: 'component' },
        definition: { type: 'string', pattern: '^[a-zA-Z][a-zA-Z0-9_]*:[a-zA-Z][a-zA-Z0-9_]*$' },
        attributes: { type: 'object' },
        children: { type: 'array', items: { $ref: '#/$defs/region' } },
      },
    },
    region: {
      type: 'object',
      required: ['id', 'type', 'name'],
      additionalProperties: false,
      properties: {
        id: ID,
        type: { const: 'region' },
        name: { type: 'string', minLength: 1 },
        title: { type: 'string' },
        children: { type: 'array', items: { $ref: '#/$defs/component' } },
      },
    },
  },
} as const;

/** `content.json` of any content type: `type`, `title`, `contentBody`, optional `urlName`. */
function contentItem(type: string, contentBody: object): object {
  return {
    type: 'object',
    required: ['type', 'title', 'contentBody'],
    additionalProperties: false,
    properties: {
      type: { const: type },
      title: { type: 'string', minLength: 1 },
      urlName: { type: 'string', pattern: '^[a-z0-9-]+$' },
      contentBody,
    },
    ...componentTree,
  };
}

export interface MetaJson {
  apiName: string;
  type: string;
  path: string;
}

export const META_SCHEMA: JSONSchemaType<MetaJson> = {
  type: 'object',
  required: ['apiName', 'type', 'path'],
  additionalProperties: false,
  properties: {
    apiName: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_]*$' },
    type: { type: 'string', pattern: '^sfdc_cms__[A-Za-z]+$' },
    path: { type: 'string' },
  },
};

/** Who may open a route: everyone, signed-in members, or what the site says. */
export const PAGE_ACCESS = ['Public', 'RequiresLogin', 'UseParent'] as const;

export const CONTENT_SCHEMAS: Readonly<Record<string, object>> = {
  sfdc_cms__route: contentItem('sfdc_cms__route', {
    type: 'object',
    required: ['activeViewId', 'pageAccess', 'routeType', 'urlPrefix'],
    additionalProperties: false,
    properties: {
      activeViewId: { type: 'string', minLength: 1 },
      configurationTags: { type: 'array', items: { type: 'string' } },
      pageAccess: { enum: PAGE_ACCESS },
      routeType: { type: 'string', pattern: '^[a-z0-9_-]+$' },
      urlPrefix: { type: 'string', pattern: '^[A-Za-z0-9-]*$' },
      objectApiName: { type: 'string' },
    },
  }),
  sfdc_cms__view: contentItem('sfdc_cms__view', {
    type: 'object',
    required: ['component', 'themeLayoutType', 'viewType'],
    additionalProperties: false,
    properties: {
      component: { $ref: '#/$defs/component' },
      dataProviders: { type: 'array' },
      themeLayoutType: { type: 'string', minLength: 1 },
      viewType: { type: 'string', pattern: '^[a-z0-9_-]+$' },
      sourceViewId: { type: 'string' },
    },
  }),
  sfdc_cms__themeLayout: contentItem('sfdc_cms__themeLayout', {
    type: 'object',
    required: ['component'],
    additionalProperties: false,
    properties: { component: { $ref: '#/$defs/component' } },
  }),
  sfdc_cms__theme: contentItem('sfdc_cms__theme', {
    type: 'object',
    required: ['activeBrandingSetId', 'definitionName', 'layouts'],
    additionalProperties: false,
    properties: {
      activeBrandingSetId: { type: 'string', minLength: 1 },
      definitionName: { type: 'string', minLength: 1 },
      layouts: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          required: ['layoutId', 'layoutType'],
          additionalProperties: false,
          properties: { layoutId: { type: 'string', minLength: 1 }, layoutType: { type: 'string', minLength: 1 } },
        },
      },
    },
  }),
  sfdc_cms__brandingSet: contentItem('sfdc_cms__brandingSet', {
    type: 'object',
    required: ['brandingSetType', 'definitionName', 'values'],
    additionalProperties: false,
    properties: {
      brandingSetType: { type: 'string' },
      definitionName: { type: 'string', minLength: 1 },
      // Branding tokens: name → CSS value (colour, font, size, or a var() of another token).
      values: { type: 'object', additionalProperties: { type: 'string' } },
    },
  }),
  sfdc_cms__site: contentItem('sfdc_cms__site', {
    type: 'object',
    required: ['authenticationType'],
    properties: {
      authenticationType: { enum: ['AUTHENTICATED', 'AUTHENTICATED_WITH_PUBLIC_ACCESS_ENABLED', 'UNAUTHENTICATED'] },
      appContainer: { type: 'boolean' },
      geoBotsAllowed: { type: 'boolean' },
    },
  }),
  sfdc_cms__appPage: contentItem('sfdc_cms__appPage', {
    type: 'object',
    required: ['currentThemeId', 'headMarkup', 'templateName'],
    properties: {
      currentThemeId: { type: 'string', minLength: 1 },
      headMarkup: { type: 'string' },
      isLockerServiceEnabled: { type: 'boolean' },
      isRelaxedCSPLevel: { type: 'boolean' },
      templateName: { type: 'string', minLength: 1 },
    },
  }),
  sfdc_cms__languageSettings: contentItem('sfdc_cms__languageSettings', {
    type: 'object',
    required: ['languages', 'defaultLocale'],
    additionalProperties: false,
    properties: {
      defaultLocale: { type: 'string', pattern: '^[a-z]{2}(_[A-Z]{2})?$' },
      languages: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          required: ['locale', 'label', 'isActive'],
          properties: {
            locale: { type: 'string' },
            label: { type: 'string' },
            isActive: { type: 'boolean' },
            isAuthoringOnly: { type: 'boolean' },
          },
        },
      },
    },
  }),
  sfdc_cms__mobilePublisherConfig: contentItem('sfdc_cms__mobilePublisherConfig', { type: 'object' }),
  sfdc_cms__styles: contentItem('sfdc_cms__styles', { type: 'object' }),
};
