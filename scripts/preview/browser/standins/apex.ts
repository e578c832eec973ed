/** `@salesforce/apex` for the preview: refreshApex and getSObjectValue over the adapter's wires. */
export { getSObjectValue, refreshApex } from '../adapter';
