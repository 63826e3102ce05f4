import { assertNever } from '@talentloop/domain-kernel';
import type { ConfigChange, TopicDeclaration, TopicOutcome } from './topology';

/** A topic as the broker (or the log) has it now. */
export interface ExistingTopic {
  readonly partitions: number;
  /** The configs set on the topic itself; the broker's defaults are not listed. */
  readonly configs: Readonly<Record<string, string>>;
}

/** What must happen to one declared topic for the broker to match the declaration. */
export type TopicStep =
  | { readonly kind: 'create'; readonly declaration: TopicDeclaration }
  | {
      readonly kind: 'alter';
      readonly declaration: TopicDeclaration;
      readonly configs: readonly ConfigChange[];
      /**
       * Every config the topic keeps: Kafka's (non-incremental) AlterConfigs replaces the
       * topic's whole set, so the ones an operator set outside the declaration go along.
       */
      readonly resultingConfigs: Readonly<Record<string, string>>;
      readonly partitions?: { readonly from: number; readonly to: number };
    }
  | { readonly kind: 'keep'; readonly declaration: TopicDeclaration };

/**
 * Compares a declaration with what exists. Partitions only grow: fewer partitions than exist
 * is left as it is, since Kafka cannot remove one and a key's partition must not move back.
 */
export const stepFor = (
  declaration: TopicDeclaration,
  existing: ExistingTopic | undefined,
): TopicStep => {
  if (!existing) return { kind: 'create', declaration };
  const configs = Object.entries(declaration.configs)
    .filter(([name, value]) => existing.configs[name] !== value)
    .map(([name, to]): ConfigChange => ({ name, from: existing.configs[name], to }));
  const partitions =
    declaration.partitions > existing.partitions
      ? { from: existing.partitions, to: declaration.partitions }
      : undefined;
  if (configs.length === 0 && !partitions) return { kind: 'keep', declaration };
  return {
    kind: 'alter',
    declaration,
    configs,
    resultingConfigs: { ...existing.configs, ...declaration.configs },
    ...(partitions ? { partitions } : {}),
  };
};

export const outcomeOf = (step: TopicStep): TopicOutcome => {
  const { topic } = step.declaration;
  switch (step.kind) {
    case 'create':
      return { topic, action: 'created', partitions: step.declaration.partitions };
    case 'alter':
      return {
        topic,
        action: 'altered',
        configs: step.configs,
        ...(step.partitions ? { partitions: step.partitions } : {}),
      };
    case 'keep':
      return { topic, action: 'unchanged' };
    default:
      return assertNever(step);
  }
};
