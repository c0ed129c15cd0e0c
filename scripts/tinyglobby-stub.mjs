// Umzug imports tinyglobby for migration globs; db-migrate hands Umzug its migrations as a list, so it never globs.
export function glob() {
  throw new Error('db-migrate lists migrations itself: Umzug is never given a glob')
}
