import * as core from '@actions/core'
import { stopEmbedded, type EmbeddedState } from '../provision/embedded.js'
import { errorMessage } from '../errors.js'

/** The post step: stops the PostgreSQL server the main step left running for the job. */
async function post(): Promise<void> {
  const saved = core.getState('embedded')
  if (!saved) return
  try {
    const state = JSON.parse(saved) as EmbeddedState
    await stopEmbedded(state)
    core.info(`stopped the embedded PostgreSQL on port ${state.port}`)
  } catch (error) {
    core.warning(`could not stop the embedded PostgreSQL: ${errorMessage(error)}`)
  }
}

await post()
