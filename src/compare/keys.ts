/** A map key for a schema-qualified object. */
export function keyOf(item: { readonly schema: string; readonly name: string }): string {
  return JSON.stringify([item.schema, item.name])
}
