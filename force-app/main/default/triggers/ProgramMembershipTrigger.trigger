trigger ProgramMembershipTrigger on Program_Membership__c(before insert, before update, after insert, after update) {
  new ProgramMembershipTriggerHandler().run();
}
