import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { parseDatabaseUrl, redactUrl, urlFromParts } from '../../src/config/url.js'

describe('database url', () => {
  it('builds a URL from DB_* parts, escaping the password', () => {
    const url = urlFromParts({ DB_HOST: 'db', DB_PORT: '5433', DB_NAME: 'app', DB_USER: 'me', DB_PASS: 'p@ss:/w' })
    assert.equal(url, 'postgresql://me:p%40ss%3A%2Fw@db:5433/app')
    assert.equal(parseDatabaseUrl(url!, 'DATABASE_URL').password, 'p@ss:/w')
  })
  it('never echoes a malformed URL', () => {
    assert.throws(() => parseDatabaseUrl('postgresql://u:s3cret@host:99999/db', 'DATABASE_URL'), (e: Error) => !e.message.includes('s3cret') && /DATABASE_URL/.test(e.message))
    assert.throws(() => parseDatabaseUrl('not a url s3cret', 'DATABASE_URL'), (e: Error) => !e.message.includes('s3cret'))
  })
  it('redacts passwords', () => {
    assert.equal(redactUrl('postgresql://u:s3cret@h:5432/d'), 'postgresql://u:***@h:5432/d')
  })
})
