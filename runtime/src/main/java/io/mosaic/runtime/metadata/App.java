package io.mosaic.runtime.metadata;

import java.time.Instant;

/**
 * An app as listed in the launcher.
 *
 * @param key              stable app key
 * @param nameZh           name in Chinese, from the newest manifest (draft or published)
 * @param nameEn           name in English
 * @param version          semver of the newest published manifest, null before the first publish
 * @param publishedVersion number of the newest published manifest version, null before the first publish
 */
public record App(String key, String nameZh, String nameEn, String version, Integer publishedVersion,
                  Instant createdAt, Instant updatedAt) {
}
