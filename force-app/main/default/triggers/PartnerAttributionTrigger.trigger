trigger PartnerAttributionTrigger on Partner_Attribution__c(
  before insert,
  before update,
  after insert,
  after update,
  after delete,
  after undelete
) {
  new PartnerAttributionTriggerHandler().run();
}
