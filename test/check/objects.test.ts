// Views, materialized views, functions, procedures, triggers and event triggers: models that agree with their
// migrations pass; each attribute changed alone in the models is drift that names it, and the migration
// revision --autogenerate writes for it applies, closes the difference, and its down migration takes it back.
import assert from 'node:assert/strict'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { it } from 'node:test'
import { autogenerate } from '../../src/commands/autogenerate.js'
import { check } from '../../src/commands/check.js'
import { downgrade } from '../../src/commands/downgrade.js'
import { upgrade } from '../../src/commands/upgrade.js'
import { compare } from '../../src/compare/compare.js'
import { silentLog } from '../../src/log.js'
import { scratchDatabase } from '../helpers/postgres.js'
import { modelsProject, project } from '../helpers/project.js'
import { eachServer, schemaAt } from './project.js'

interface Case {
  readonly name: string
  /** [text of models.ts, what it becomes] */
  readonly edit: readonly [string, string]
  readonly explanations: readonly string[]
  /** Statements the generated migration must hold, in this order (others may come between). */
  readonly statements: readonly string[]
}

const cases: Case[] = [
  {
    name: "a view's definition, changed as CREATE OR REPLACE can",
    edit: ['SELECT id, slug, price FROM ${product}', 'SELECT id, slug, price, updated_at FROM ${product}'],
    explanations: [
      'view cheap is dropped while what it depends on changes',
      'view priced differs: definition, at line "product.price" in the migrations, "product.price," in the models',
      'view cheap is created again after what it depends on changes',
    ],
    statements: ['DROP VIEW cheap', 'CREATE OR REPLACE VIEW priced AS\n SELECT product.id,\n    product.slug,\n    product.price,\n    product.updated_at\n   FROM product\n  WHERE (product.price > (0)::numeric)'],
  },
  {
    name: "a view's comment",
    edit: ["{ comment: 'products for sale' }", "{ comment: 'on sale' }"],
    explanations: ['view priced differs: comment "products for sale" in the migrations, "on sale" in the models'],
    statements: ["COMMENT ON VIEW priced IS 'on sale'"],
  },
  {
    name: 'a view losing a column, which CREATE OR REPLACE cannot do',
    edit: ['SELECT id, slug FROM ${priced}', 'SELECT id FROM ${priced}'],
    explanations: [
      'view cheap differs: definition, in a way CREATE OR REPLACE cannot change, so it is dropped and created again',
      'view cheap is created again as the models define it',
    ],
    statements: ['DROP VIEW cheap', 'CREATE VIEW cheap AS\n SELECT priced.id\n   FROM priced\n  WHERE (priced.price < (10)::numeric)'],
  },
  {
    name: "a materialized view's query, its index rebuilt with it",
    edit: ['sum(quantity) AS quantity', 'count(*) AS quantity'],
    explanations: [
      'index daily_sales_day on daily_sales is dropped while what it depends on changes',
      'materialized view daily_sales differs: definition, in a way CREATE OR REPLACE cannot change, so it is dropped and created again',
      'materialized view daily_sales is created again as the models define it',
      'index daily_sales_day on daily_sales is created again after what it depends on changes',
    ],
    statements: ['DROP INDEX daily_sales_day', 'DROP MATERIALIZED VIEW daily_sales', 'CREATE UNIQUE INDEX daily_sales_day ON public.daily_sales USING btree (sold_on)'],
  },
  {
    name: "a materialized view's index",
    edit: ['CREATE UNIQUE INDEX daily_sales_day', 'CREATE INDEX daily_sales_day'],
    explanations: [
      'index daily_sales_day on daily_sales differs: definition, in a way CREATE OR REPLACE cannot change, so it is dropped and created again',
      'index daily_sales_day on daily_sales is created again as the models define it',
    ],
    statements: ['DROP INDEX daily_sales_day', 'CREATE INDEX daily_sales_day ON public.daily_sales USING btree (sold_on)'],
  },
  {
    name: "a function's body",
    edit: ['NEW.updated_at := now();', 'NEW.updated_at := clock_timestamp();'],
    explanations: ['function touch() differs: definition, at line "NEW.updated_at := now();" in the migrations, "NEW.updated_at := clock_timestamp();" in the models'],
    statements: ['CREATE OR REPLACE FUNCTION public.touch()'],
  },
  {
    name: "a function's comment",
    edit: ["'stamps updated_at'", "'keeps updated_at'"],
    explanations: ['function touch() differs: comment "stamps updated_at" in the migrations, "keeps updated_at" in the models'],
    statements: ["COMMENT ON FUNCTION touch() IS 'keeps updated_at'"],
  },
  {
    name: "a procedure's body",
    edit: ['REFRESH MATERIALIZED VIEW daily_sales', 'REFRESH MATERIALIZED VIEW CONCURRENTLY daily_sales'],
    explanations: ['procedure refresh_sales() differs: definition, at line "AS $procedure$REFRESH MATERIALIZED VIEW daily_sales$procedure$" in the migrations, "AS $procedure$REFRESH MATERIALIZED VIEW CONCURRENTLY daily_sales$procedure$" in the models'],
    statements: ['SET check_function_bodies = off', 'CREATE OR REPLACE PROCEDURE public.refresh_sales()', 'RESET check_function_bodies'],
  },
  {
    name: 'a trigger firing on more events',
    edit: ['BEFORE UPDATE ON product', 'BEFORE INSERT OR UPDATE ON product'],
    explanations: [
      'trigger product_touch on product differs: definition, in a way CREATE OR REPLACE cannot change, so it is dropped and created again',
      'trigger product_touch on product is created again as the models define it',
    ],
    statements: ['DROP TRIGGER product_touch ON product', 'CREATE TRIGGER product_touch BEFORE INSERT OR UPDATE ON public.product FOR EACH ROW EXECUTE FUNCTION touch()'],
  },
  {
    name: 'a trigger disabled',
    edit: ["EXECUTE FUNCTION touch()')", "EXECUTE FUNCTION touch()', { enabled: false })"],
    explanations: ['trigger product_touch on product differs: enabled enabled in the migrations, disabled in the models'],
    statements: ['ALTER TABLE product DISABLE TRIGGER product_touch'],
  },
  {
    name: "a constraint trigger's deferral",
    edit: ['DEFERRABLE INITIALLY DEFERRED FOR EACH ROW', 'FOR EACH ROW'],
    explanations: [
      'trigger sale_quantity on sale differs: definition, in a way CREATE OR REPLACE cannot change, so it is dropped and created again',
      'trigger sale_quantity on sale is created again as the models define it',
    ],
    statements: ['DROP TRIGGER sale_quantity ON sale', 'CREATE CONSTRAINT TRIGGER sale_quantity AFTER INSERT OR UPDATE ON public.sale NOT DEFERRABLE INITIALLY IMMEDIATE FOR EACH ROW EXECUTE FUNCTION check_quantity()'],
  },
  {
    name: "an event trigger's tags",
    edit: ["WHEN TAG IN ('CREATE TABLE', 'ALTER TABLE') ", ''],
    explanations: [
      'event trigger note_table_ddl differs: definition, in a way CREATE OR REPLACE cannot change, so it is dropped and created again',
      'event trigger note_table_ddl is created again as the models define it',
    ],
    statements: ['DROP EVENT TRIGGER note_table_ddl', 'CREATE EVENT TRIGGER note_table_ddl ON ddl_command_end EXECUTE FUNCTION note_ddl()'],
  },
  {
    name: 'an event trigger disabled',
    edit: ["EXECUTE FUNCTION note_ddl()`)", "EXECUTE FUNCTION note_ddl()`, { enabled: false })"],
    explanations: ['event trigger note_table_ddl differs: enabled enabled in the migrations, disabled in the models'],
    statements: ['ALTER EVENT TRIGGER note_table_ddl DISABLE'],
  },
  {
    name: 'a procedure left out of the models',
    edit: ['export const refreshSales = sqlProcedure(', 'export const refreshSales = () => sqlProcedure('],
    explanations: ['procedure refresh_sales() is created by the migrations but is not in the models'],
    statements: ['DROP PROCEDURE refresh_sales()'],
  },
  {
    name: 'a column type changed under the views that read it',
    edit: ['price: numeric(10, 2)', 'price: numeric(12, 2)'],
    explanations: [
      'view cheap is dropped while what it depends on changes',
      'view priced is dropped while what it depends on changes',
      'table product: column price differs: type numeric(10,2) in the migrations, numeric(12,2) in the models',
      'view priced is created again after what it depends on changes',
      'view cheap is created again after what it depends on changes',
    ],
    statements: ['DROP VIEW cheap', 'DROP VIEW priced', 'ALTER TABLE product ALTER COLUMN price TYPE numeric(12,2)', "COMMENT ON VIEW priced IS 'products for sale'"],
  },
]

eachServer('views, functions and triggers in models and migrations', (server) => {
  it('agree: check finds nothing', async () => {
    const result = await check(project('models-objects', modelsProject).config(), server.url, silentLog)
    assert.deepEqual(result.explanations, [])
    assert.equal(result.drift, false)
  })

  for (const c of cases) {
    it(`drift: ${c.name}, closed by the generated migration and undone by its down`, async () => {
      const p = project('models-objects', modelsProject)
      const models = p.read('models.ts')
      assert.ok(models.includes(c.edit[0]), `the fixture's models.ts holds ${c.edit[0]}`)
      writeFileSync(join(p.dir, 'drift.ts'), models.replace(c.edit[0], c.edit[1]))
      const config = p.config({ models: 'drift.ts', message: 'close' })
      const result = await check(config, server.url, silentLog)
      assert.equal(result.drift, true)
      assert.deepEqual(result.explanations, c.explanations)
      let at = -1
      for (const wanted of c.statements) {
        const found = result.statements.findIndex((s, i) => i > at && (s === wanted || s.startsWith(`${wanted}\n`)))
        assert.ok(found > at, `statement ${JSON.stringify(wanted)} in order among:\n${result.statements.join(';\n')}`)
        at = found
      }

      const before = p.migrations()
      const written = await autogenerate(config, server.url, silentLog)
      assert.deepEqual((await check(config, server.url, silentLog)).explanations, [], 'the models still differ after the generated migration')
      const db = await scratchDatabase(server, 'objects')
      try {
        await upgrade(p.config({ revision: before.at(-1)!.replace(/\.sql$/, '') }), db.url, silentLog)
        const old = await schemaAt(db.url)
        await upgrade(p.config(), db.url, silentLog)
        assert.notDeepEqual(compare(old, await schemaAt(db.url)), [])
        await downgrade(p.config({ revision: '-1' }), db.url, silentLog)
        assert.deepEqual(compare(old, await schemaAt(db.url)), [], `the down migration ${written.name} did not restore the schema`)
      } finally {
        await db.drop()
      }
    })
  }
})
