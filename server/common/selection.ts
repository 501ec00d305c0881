import { type FieldNode, type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';

/**
 * The dotted paths a query selects under the current field, e.g. `cohort`, `session`,
 * `session.center` for `allVolunteers { cohort { name } session { center { name } } }`.
 * Fragments are followed; directives (@include/@skip) are ignored, so the set may be larger than
 * what is returned, never smaller: it only decides what to prefetch.
 */
export function selectedPaths(info: GraphQLResolveInfo): Set<string> {
  const paths = new Set<string>();
  const visit = (set: SelectionSetNode | undefined, prefix: string, depth: number): void => {
    if (!set || depth > 4) return;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const path = prefix + selection.name.value;
        paths.add(path);
        visit(selection.selectionSet, `${path}.`, depth + 1);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet, prefix, depth);
      } else {
        visit(info.fragments[selection.name.value]?.selectionSet, prefix, depth);
      }
    }
  };
  for (const node of info.fieldNodes as readonly FieldNode[]) visit(node.selectionSet, '', 0);
  return paths;
}
