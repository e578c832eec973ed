trigger PartnerCertificationTrigger on Partner_Certification__c(
  before insert,
  before update,
  after insert,
  after update
) {
  new PartnerCertificationTriggerHandler().run();
}
