/**
 * Where the navigation stand-in hands page references: the shell registers the function
 * that maps them to preview pages (or reports that the preview has no such page).
 */
import { probe } from './dom';

export interface PageReference {
  type: string;
  attributes?: Record<string, unknown>;
  state?: Record<string, unknown>;
}

export interface NavigationHost {
  navigate(pageRef: PageReference, replace: boolean): void;
  urlFor(pageRef: PageReference): string;
  current(): PageReference;
}

let host: NavigationHost = {
  navigate: () => undefined,
  urlFor: () => '#',
  current: () => ({ type: 'comm__namedPage', attributes: { name: 'Home' }, state: {} }),
};

export function setNavigationHost(next: NavigationHost): void {
  host = next;
}

export function navigateTo(pageRef: PageReference, replace: boolean): void {
  probe().navigations.push(JSON.parse(JSON.stringify(pageRef)));
  host.navigate(pageRef, replace);
}

export function urlFor(pageRef: PageReference): string {
  return host.urlFor(pageRef);
}

export function currentPageReference(): PageReference {
  return host.current();
}
