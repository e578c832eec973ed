/**
 * Reads the declared fields (name, descriptor, static or not) of a compiled Java class.
 * The platform's SObject schema ships as Java classes (one per object, one field per
 * SObject field or relationship), so this is all we need of the class-file format
 * (JVM specification, chapter 4): skip the constant pool, then read the field table.
 */

export interface ClassField {
  name: string;
  /** JVM type descriptor, e.g. `Lcom/x/System/String;` or `[Lcom/x/SObjects/Contact;`. */
  descriptor: string;
  isStatic: boolean;
}

const ACC_STATIC = 0x0008;
const UTF8 = 1;

/** Bytes each constant-pool tag occupies after the tag byte (UTF8 is length-prefixed). */
const CONSTANT_SIZES: Record<number, number> = {
  3: 4, // Integer
  4: 4, // Float
  5: 8, // Long (two slots)
  6: 8, // Double (two slots)
  7: 2, // Class
  8: 2, // String
  9: 4, // Fieldref
  10: 4, // Methodref
  11: 4, // InterfaceMethodref
  12: 4, // NameAndType
  15: 3, // MethodHandle
  16: 2, // MethodType
  17: 4, // Dynamic
  18: 4, // InvokeDynamic
  19: 2, // Module
  20: 2, // Package
};

export function readClassFields(bytes: Buffer): ClassField[] {
  if (bytes.readUInt32BE(0) !== 0xcafebabe) {
    throw new Error('not a Java class file');
  }
  let offset = 8;
  const poolCount = bytes.readUInt16BE(offset);
  offset += 2;
  const utf8 = new Map<number, string>();
  for (let index = 1; index < poolCount; index++) {
    const tag = bytes[offset];
    offset += 1;
    if (tag === UTF8) {
      const length = bytes.readUInt16BE(offset);
      // Names and descriptors here are ASCII, where modified UTF-8 equals UTF-8.
      utf8.set(index, bytes.toString('utf8', offset + 2, offset + 2 + length));
      offset += 2 + length;
      continue;
    }
    const size = CONSTANT_SIZES[tag];
    if (size === undefined) {
      throw new Error(`unknown constant-pool tag ${tag} at byte ${offset - 1}`);
    }
    offset += size;
    if (tag === 5 || tag === 6) {
      index++;
    }
  }
  offset += 6; // access flags, this class, super class
  const interfaceCount = bytes.readUInt16BE(offset);
  offset += 2 + 2 * interfaceCount;
  const fieldCount = bytes.readUInt16BE(offset);
  offset += 2;
  const fields: ClassField[] = [];
  for (let i = 0; i < fieldCount; i++) {
    const access = bytes.readUInt16BE(offset);
    const name = utf8.get(bytes.readUInt16BE(offset + 2));
    const descriptor = utf8.get(bytes.readUInt16BE(offset + 4));
    const attributeCount = bytes.readUInt16BE(offset + 6);
    offset += 8;
    for (let a = 0; a < attributeCount; a++) {
      offset += 6 + bytes.readUInt32BE(offset + 2);
    }
    if (name === undefined || descriptor === undefined) {
      throw new Error(`field ${i} names a constant that is not UTF8`);
    }
    fields.push({ name, descriptor, isStatic: (access & ACC_STATIC) !== 0 });
  }
  return fields;
}
