import type { Projection, ProjectionInput } from './projection';
import type { DocumentWrite, SourcePositions, StoredDocument } from './read-model-store.port';

/** A document as the fold sees it: absent documents have no doc, version 0, no positions. */
export interface DocumentState<Doc extends object = object> {
  readonly doc: Doc | undefined;
  readonly version: number;
  readonly sources: SourcePositions;
}

export interface FoldResult<Doc extends object = object> {
  readonly state: DocumentState<Doc>;
  /** How many inputs were new to the document (not at or before its position in their source). */
  readonly applied: number;
}

export const absentDocument: DocumentState<never> = { doc: undefined, version: 0, sources: {} };

export const stateOf = <Doc extends object>(
  stored: StoredDocument<Doc> | undefined,
): DocumentState<Doc> => stored ?? absentDocument;

/**
 * The inputs grouped by the documents they touch, in input order; inputs of event types the
 * projection does not handle are dropped.
 */
export function inputsByDocument(
  projection: Projection,
  inputs: readonly ProjectionInput[],
): Map<string, ProjectionInput[]> {
  const handled: ReadonlySet<string> = new Set(projection.eventTypes);
  const byDocument = new Map<string, ProjectionInput[]>();
  for (const input of inputs) {
    if (!handled.has(input.event.type)) continue;
    for (const id of projection.documentIds(input.event)) {
      const list = byDocument.get(id);
      if (list) list.push(input);
      else byDocument.set(id, [input]);
    }
  }
  return byDocument;
}

/**
 * Applies a document's inputs in order, skipping every input at or before the position the
 * document already recorded for its source: a redelivered or replayed event changes nothing.
 * The version is left as loaded; it is the expected version of the write.
 */
export function foldDocument<Doc extends object>(
  projection: Projection<Doc>,
  documentId: string,
  state: DocumentState<Doc>,
  inputs: readonly ProjectionInput[],
): FoldResult<Doc> {
  let doc = state.doc;
  // Positions as bigints while folding, turned back into strings once at the end.
  const latest = new Map<string, bigint>();
  let applied = 0;
  for (const input of inputs) {
    let last = latest.get(input.source);
    if (last === undefined) {
      const recorded = state.sources[input.source];
      last = recorded === undefined ? -1n : BigInt(recorded);
      latest.set(input.source, last);
    }
    if (input.position <= last) continue;
    doc = projection.evolve(doc, input.event, documentId);
    latest.set(input.source, input.position);
    applied++;
  }
  if (applied === 0) return { state, applied };
  const sources: Record<string, string> = { ...state.sources };
  for (const [source, position] of latest)
    if (position >= 0n) sources[source] = position.toString();
  return { state: { doc, version: state.version, sources }, applied };
}

/**
 * The write that stores a folded document, or undefined when there is nothing to store (a
 * document that never existed and still does not).
 */
export function writeOf(
  documentId: string,
  loaded: DocumentState,
  folded: DocumentState,
): DocumentWrite | undefined {
  if (folded.doc === undefined && loaded.version === 0) return undefined;
  return {
    id: documentId,
    doc: folded.doc,
    sources: folded.sources,
    expectedVersion: loaded.version,
  };
}
