/** A map key for a schema-qualified object (PostgreSQL names cannot hold a NUL, so the key is unambiguous). */
export function keyOf(item: { readonly schema: string; readonly name: string }): string {
  return `${item.schema}\0${item.name}`
}
