package io.mosaic.runtime.security.org;

/**
 * One unit of the organisation tree, as the API shows it (a flat list; clients build the tree).
 *
 * @param type {@code company}, {@code region} or {@code team}
 */
public record OrgUnit(long id, Long parentId, String code, String name, String type, Long managerId) {
}
