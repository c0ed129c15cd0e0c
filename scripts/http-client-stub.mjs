// @actions/core needs an HTTP client only for OIDC tokens (core.getIDToken), which db-migrate never asks for:
// the action's bundle gets this stand-in instead of the client and the fetch implementation it carries.
export class HttpClient {
  constructor() {
    throw new Error('OIDC tokens are not available in the db-migrate bundle')
  }
}
export class BearerCredentialHandler {
  constructor() {
    throw new Error('OIDC tokens are not available in the db-migrate bundle')
  }
}
