/**
 * Metadata API elements of record-triggered flows and flow tests that jsforce's
 * WSDL-generated schema predates. Each is an element of the current Metadata API reference
 * (API 65.0: Flow, FlowStart, FlowRecordLookup, FlowActionCall, FlowTextTemplate, FlowTest).
 */
type PropType = string | [string];

export const FLOW_SCHEMA_ADDITIONS: Record<string, Record<string, PropType>> = {
  Flow: { apiVersion: '?number', environments: ['string'], runInMode: '?string', triggerOrder: '?number' },
  FlowStart: {
    doesRequireRecordChangedToMeetCriteria: '?boolean',
    filterFormula: '?string',
    filterLogic: '?string',
    recordTriggerType: '?string',
  },
  FlowRecordLookup: { filterLogic: '?string' },
  FlowActionCall: { flowTransactionModel: '?string', nameSegment: '?string' },
  FlowTextTemplate: { isViewedAsPlainText: '?boolean' },
  FlowTest: {
    description: '?string',
    flowApiName: 'string',
    label: 'string',
    testPoints: ['FlowTestPoint'],
    testType: '?string',
  },
  FlowTestPoint: { assertions: ['FlowTestAssertion'], elementApiName: 'string', parameters: ['FlowTestParameter'] },
  FlowTestAssertion: { conditions: ['FlowTestCondition'], errorMessage: '?string' },
  FlowTestCondition: { leftValueReference: 'string', operator: 'string', rightValue: '?FlowTestReferenceOrValue' },
  FlowTestParameter: { leftValueReference: 'string', type: 'string', value: 'FlowTestReferenceOrValue' },
  FlowTestReferenceOrValue: {
    booleanValue: '?boolean',
    dateTimeValue: '?string',
    dateValue: '?string',
    numberValue: '?number',
    sobjectValue: '?string',
    stringValue: '?string',
  },
};
