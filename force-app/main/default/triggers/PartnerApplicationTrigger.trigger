trigger PartnerApplicationTrigger on Partner_Application__c(before insert, before update, after insert, after update) {
  new PartnerApplicationTriggerHandler().run();
}
