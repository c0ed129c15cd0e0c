#!/usr/bin/env node
import { enableCompileCache } from '../compile-cache.js'

enableCompileCache()
// imported only now, so that Node reads the CLI's code from its compile cache
const { main } = await import('./main.js')
process.exitCode = await main(process.argv.slice(2), process.env, process.cwd())
