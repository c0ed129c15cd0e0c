export type Env = Record<string, string | undefined>;
/**
 * The process environment over the `.env` file: the real environment wins, as with dotenv.
 * The default `.env` may be absent; a file named explicitly must exist. dotenv is loaded only for a project that has one.
 */
export declare function loadEnv(cwd: string, envFile: string | undefined, env: Env, setting?: string): Promise<Env>;
