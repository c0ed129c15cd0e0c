import * as core from '@actions/core'
import { readFileSync } from 'node:fs'

/** Marks db-migrate's comment, so a later push updates it instead of adding another. */
export const commentMarker = '<!-- db-migrate report -->'

/**
 * Posts `report` as one comment on the pull request the job runs for, or updates the one posted before, through
 * the REST API with the job's token. Without a token or a pull request it skips with a notice; a failure of the
 * API is a warning: the comment is a courtesy, the step's result stands on its own.
 */
export async function commentOnPullRequest(report: string, token: string): Promise<void> {
  const number = pullRequestNumber()
  const repository = process.env.GITHUB_REPOSITORY
  if (!token) return core.notice('pr-comment: no token (set github-token, or give the job permission pull-requests: write); not commenting')
  if (!number || !repository) return core.notice('pr-comment: this run is not for a pull request; not commenting')
  const api = (process.env.GITHUB_API_URL || 'https://api.github.com').replace(/\/$/, '')
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${api}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        accept: 'application/vnd.github+json',
        'x-github-api-version': '2022-11-28',
        'user-agent': 'db-migrate',
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    })
    if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${(await response.text()).slice(0, 200)}`)
    return response.json() as Promise<unknown>
  }
  const body = `${commentMarker}\n${report}`
  try {
    const existing = await findComment(call, repository, number)
    if (existing) await call('PATCH', `/repos/${repository}/issues/comments/${existing}`, { body })
    else await call('POST', `/repos/${repository}/issues/${number}/comments`, { body })
    core.info(`pr-comment: ${existing ? 'updated the report on' : 'posted the report to'} pull request #${number}`)
  } catch (error) {
    core.warning(`pr-comment: could not comment on pull request #${number}: ${error instanceof Error ? error.message : String(error)}`)
  }
}

type Call = (method: string, path: string, body?: unknown) => Promise<unknown>

async function findComment(call: Call, repository: string, number: number): Promise<number | undefined> {
  for (let page = 1; page <= 20; page++) {
    const comments = (await call('GET', `/repos/${repository}/issues/${number}/comments?per_page=100&page=${page}`)) as { id: number; body?: string }[]
    const ours = comments.find((c) => c.body?.startsWith(commentMarker))
    if (ours) return ours.id
    if (comments.length < 100) return undefined
  }
  return undefined
}

function pullRequestNumber(): number | undefined {
  const path = process.env.GITHUB_EVENT_PATH
  if (!path) return undefined
  try {
    const event = JSON.parse(readFileSync(path, 'utf8')) as { pull_request?: { number?: number } }
    return event.pull_request?.number
  } catch {
    return undefined
  }
}
