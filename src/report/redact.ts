/**
 * Removes secrets from text a person or a log may see: each known password (also URL-encoded) and the password
 * part of any postgres URL, known or not.
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let out = text
    .replace(/(postgres(?:ql)?:\/\/[^:@/\s]*:)[^@\s]*@/gi, '$1***@')
    .replace(/([?&](?:ssl)?password=)[^&\s]*/gi, '$1***')
  for (const secret of secrets) {
    if (secret.length < 2) continue
    for (const form of new Set([secret, encodeURIComponent(secret)])) out = out.split(form).join('***')
  }
  return out
}
