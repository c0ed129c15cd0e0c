const urlPattern = /postgres(?:ql)?:\/\/[^\s'"`<>]*/gi
const passwordParameter = /([?&](?:ssl)?password=)[^&\s]*/gi

/**
 * Removes secrets from text a person or a log may see. A postgres URL is redacted by its structure (the password part
 * and any password parameter), so a password that is a common word (`postgres`) leaves the scheme and user intact;
 * such a password is masked elsewhere only as a whole word. Any other known password (also URL-encoded) is masked
 * wherever it shows.
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  const forms = secrets.filter((s) => s.length >= 2).flatMap((s) => [...new Set([s, encodeURIComponent(s)])])
  const words = forms.filter((form) => /^\w+$/.test(form))
  let masked = text
  for (const form of forms) if (!words.includes(form)) masked = masked.split(form).join('***')
  let out = ''
  let last = 0
  for (const match of masked.matchAll(urlPattern)) {
    out += maskWords(masked.slice(last, match.index), words) + redactUrlText(match[0])
    last = match.index + match[0].length
  }
  return out + maskWords(masked.slice(last), words)
}

function redactUrlText(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:@/\s]*:)[^@\s]*@/i, '$1***@').replace(passwordParameter, '$1***')
}

function maskWords(text: string, words: readonly string[]): string {
  let out = text.replace(passwordParameter, '$1***')
  for (const word of words) out = out.replace(new RegExp(`(?<!\\w)${word}(?!\\w)`, 'g'), '***')
  return out
}
