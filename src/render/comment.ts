/** Text for a one-line comment of a generated file: a line break in it (SQL's or JavaScript's) would start code. */
export function commentText(text: string): string {
  return text.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ').trim()
}
