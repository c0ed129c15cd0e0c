// Umzug's own command line (and the large argument parser it needs) is never used by db-migrate: the bundle
// gets this stand-in instead, which keeps dist/ small and start-up fast.
class UmzugCLI {
  constructor() {
    throw new Error("umzug's command line is not part of db-migrate's bundle")
  }
}
module.exports = { UmzugCLI }
