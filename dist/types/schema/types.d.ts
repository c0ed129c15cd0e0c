export interface Extension {
    readonly name: string;
    /** The schema its objects live in. */
    readonly schema: string;
    /** Empty in models that leave the version to the server, until they are built there and read back. */
    readonly version: string;
}
/** A sequence's numbers are kept as text: a bigint does not fit a JavaScript number. */
export interface Sequence {
    readonly schema: string;
    readonly name: string;
    /** `smallint`, `integer` or `bigint`. */
    readonly type: string;
    readonly start: string;
    readonly increment: string;
    readonly min: string;
    readonly max: string;
    readonly cache: string;
    readonly cycle: boolean;
    /** The column that owns it (OWNED BY): dropping the column drops the sequence. */
    readonly ownedBy: SequenceOwner | null;
}
export interface SequenceOwner {
    readonly schema: string;
    readonly table: string;
    readonly column: string;
}
export interface Domain {
    readonly schema: string;
    readonly name: string;
    /** Base type as format_type prints it. */
    readonly type: string;
    readonly default: string | null;
    readonly notNull: boolean;
    readonly checks: readonly DomainCheck[];
    /** A collation other than the base type's, as a COLLATE clause names it; null for the type's own. */
    readonly collation: string | null;
}
export interface DomainCheck {
    readonly name: string;
    /** As pg_get_constraintdef prints it: `CHECK ((VALUE > 0))`. */
    readonly definition: string;
}
export interface CompositeType {
    readonly schema: string;
    readonly name: string;
    readonly attributes: readonly CompositeAttribute[];
}
export interface CompositeAttribute {
    readonly name: string;
    readonly type: string;
    readonly collation: string | null;
}
export interface Collation {
    readonly schema: string;
    readonly name: string;
    readonly provider: 'libc' | 'icu' | 'builtin';
    /** The ICU or builtin locale; for libc, LC_COLLATE and LC_CTYPE when they are one. */
    readonly locale: string | null;
    readonly lcCollate: string | null;
    readonly lcCtype: string | null;
    readonly deterministic: boolean;
}
