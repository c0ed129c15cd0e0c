import type { Project } from '../generate/project.js'
import type { Budget, Figure } from '../lib/figures.js'
import type { CheckFigures } from '../suites/cold.js'

export interface AnalysisInputs {
  readonly figures: readonly Figure[]
  readonly budgets: readonly Budget[]
  readonly checks: ReadonlyMap<Project, CheckFigures>
  readonly p300: Project
  readonly p1000: Project | undefined
}

/** Paragraphs on what each missed budget's time is made of, from this run's measurements. */
export function analyse(_i: AnalysisInputs): string[] {
  return []
}
