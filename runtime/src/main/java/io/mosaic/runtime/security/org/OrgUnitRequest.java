package io.mosaic.runtime.security.org;

/** Body of creating or changing an org unit. */
public record OrgUnitRequest(Long parentId, String code, String name, String type, Long managerId) {
}
