/**
 * `lightning/navigation` for the preview: `NavigationMixin` adds the Navigate and
 * GenerateUrl methods, which the shell resolves to preview pages; `CurrentPageReference`
 * provisions the reference of the page being previewed.
 */
import { currentPageReference, navigateTo, urlFor, type PageReference } from '../navigationHost';

const Navigate: unique symbol = Symbol('NavigationMixin.Navigate');
const GenerateUrl: unique symbol = Symbol('NavigationMixin.GenerateUrl');

// A mixin's base must take `any[]` (TypeScript rule for mixin classes).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Constructor = new (...args: any[]) => object;

function mixin<T extends Constructor>(Base: T): T {
  return class extends Base {
    [Navigate](pageRef: PageReference, replace = false): void {
      navigateTo(pageRef, replace);
    }

    [GenerateUrl](pageRef: PageReference): Promise<string> {
      return Promise.resolve(urlFor(pageRef));
    }
  };
}

export const NavigationMixin = Object.assign(mixin, { Navigate, GenerateUrl });

type Callback = (value: PageReference) => void;

export class CurrentPageReference {
  constructor(private readonly callback: Callback) {}

  connect(): void {
    this.callback(currentPageReference());
  }

  update(): void {
    // The page reference does not change while a preview page is shown.
  }

  disconnect(): void {
    // Nothing to release.
  }
}
