package io.mosaic.api.security;

/** Which records of a form a user may see. Several scopes granted by several roles add up. */
public enum RowScope {
    /** Records the user owns (created or was assigned). */
    OWN,
    /** Records owned by the user's own organisation unit. */
    OWN_ORG,
    /** Records owned by the user's organisation unit or any unit below it. */
    ORG_SUBTREE,
    /** Records belonging to the dealer the user's account is bound to. */
    OWN_DEALER,
    /** Every record. */
    ALL
}
