trigger OpportunityTrigger on Opportunity(after insert, after update, before delete, after undelete) {
  new OpportunityTriggerHandler().run();
}
