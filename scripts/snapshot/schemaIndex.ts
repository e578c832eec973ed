/**
 * A snapshot schema over its objects. Kept apart from schema.ts, which reads the package
 * metadata with source-deploy-retrieve (about 90 MB and 0.4 s to load): the audit's worker
 * thread is handed the objects already read and needs only this.
 */
import type { SnapshotField, SnapshotObject, SnapshotSchema } from './schema';

/**
 * An object of the schema, its fields also looked up by lower-case name.
 * @param name object API name
 * @param keyPrefix key prefix of the Ids the seed generates
 * @param fields its fields, in column order
 */
export function snapshotObject(name: string, keyPrefix: string, fields: SnapshotField[]): SnapshotObject {
  return { name, keyPrefix, fields, fieldMap: new Map(fields.map((f) => [f.name.toLowerCase(), f])) };
}

/**
 * The schema of these objects, looked up by name case-insensitively.
 * @param objects the objects, in load order
 */
export function indexSchema(objects: SnapshotObject[]): SnapshotSchema {
  const byName = new Map(objects.map((o) => [o.name.toLowerCase(), o]));
  return { objects, get: (name) => byName.get(name.toLowerCase()) };
}
