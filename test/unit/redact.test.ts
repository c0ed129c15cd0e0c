import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { redactSecrets } from '../../src/report/redact.js'

describe('redactSecrets', () => {
  it('redacts a URL by its structure: a password that is a common word leaves the scheme and user alone', () => {
    assert.equal(
      redactSecrets('cannot connect to postgresql://postgres:postgres@127.0.0.1:5432/app: timed out', ['postgres']),
      'cannot connect to postgresql://postgres:***@127.0.0.1:5432/app: timed out',
    )
  })

  it('masks a word-like password elsewhere only as a whole word', () => {
    assert.equal(redactSecrets('role postgres; postgresql is up; the password was postgres.', ['postgres']), 'role ***; postgresql is up; the password was ***.')
  })

  it('masks any other password wherever it shows, also URL-encoded, and password parameters', () => {
    const secret = 'p@ss/w0rd!'
    const text = `x ${secret} y ${encodeURIComponent(secret)} postgres://u:${encodeURIComponent(secret)}@h/d?sslpassword=abc&x=1`
    const out = redactSecrets(text, [secret])
    assert.ok(!out.includes(secret) && !out.includes(encodeURIComponent(secret)), out)
    assert.match(out, /postgres:\/\/u:\*\*\*@h\/d\?sslpassword=\*\*\*&x=1$/)
  })
})
