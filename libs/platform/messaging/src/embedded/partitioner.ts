/**
 * FNV-1a over the key's UTF-8 bytes: stable across processes and releases, which is all
 * per-key order needs (it does not reproduce Kafka's murmur2 placement).
 */
export const partitionOf = (key: string, partitions: number): number => {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(key, 'utf8')) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash % partitions;
};
