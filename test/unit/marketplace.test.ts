import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { test } from 'node:test'
import { root } from '../helpers/runner.js'

test("action.yml's description fits GitHub Marketplace's 125 characters, and the package carries its licence", () => {
  const line = readFileSync(join(root, 'action.yml'), 'utf8').split('\n').find((l) => l.startsWith('description:'))
  assert.ok(line, 'action.yml has a top-level description')
  const description = line.slice('description:'.length).trim().replace(/^"(.*)"$/, '$1')
  assert.ok(description.length > 0 && description.length <= 125, `${description.length} characters: ${description}`)
  assert.match(readFileSync(join(root, 'LICENSE'), 'utf8'), /^MIT License/)
  assert.equal(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).license, 'MIT')
})
