import type { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/**
 * Every field selected in `set`, through inline and named fragments of any type. Directives such as
 * @skip are not evaluated: a skipped field counts as asked for.
 */
export function fieldsIn(info: GraphQLResolveInfo, set: SelectionSetNode | undefined, seen = new Set<string>()): FieldNode[] {
  return (set?.selections ?? []).flatMap((selection) => {
    if (selection.kind === 'Field') return [selection];
    if (selection.kind === 'InlineFragment') return fieldsIn(info, selection.selectionSet, seen);
    if (seen.has(selection.name.value)) return [];
    seen.add(selection.name.value);
    return fieldsIn(info, info.fragments[selection.name.value]?.selectionSet, seen);
  });
}

/**
 * Whether the query asks this field's result for any of `names` (directly, or through inline or
 * named fragments): for a resolver that can start optional work early, alongside the rest.
 * Directives are not evaluated, so it may answer yes for a field that is skipped: only ever use it
 * to start work sooner, never to decide what a reader may see.
 */
export function asksFor(info: GraphQLResolveInfo, names: readonly string[]): boolean {
  return info.fieldNodes.some((node) => fieldsIn(info, node.selectionSet).some((field) => names.includes(field.name.value)));
}
