import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/**
 * Whether the query asks this field's result for any of `names` (directly, or through inline or
 * named fragments): for a resolver that can start optional work early, alongside the rest.
 * Directives such as @skip are not evaluated, so it may answer yes for a field that is skipped:
 * only ever use it to start work sooner, never to decide what a reader may see.
 */
export function asksFor(info: GraphQLResolveInfo, names: readonly string[]): boolean {
  const visited = new Set<string>();
  const inSet = (set: SelectionSetNode | undefined): boolean =>
    (set?.selections ?? []).some((selection) => {
      if (selection.kind === 'Field') return names.includes(selection.name.value);
      if (selection.kind === 'InlineFragment') return inSet(selection.selectionSet);
      if (visited.has(selection.name.value)) return false;
      visited.add(selection.name.value);
      return inSet(info.fragments[selection.name.value]?.selectionSet);
    });
  return info.fieldNodes.some((node) => inSet(node.selectionSet));
}
