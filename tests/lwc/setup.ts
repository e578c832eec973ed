// The axe-core check of a component takes about a second; leave room on a busy machine.
jest.setTimeout(20000);
