trigger ContentDocumentLinkTrigger on ContentDocumentLink(before insert, after insert, after delete) {
  new ContentDocumentLinkTriggerHandler().run();
}
