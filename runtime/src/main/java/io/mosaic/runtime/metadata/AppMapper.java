package io.mosaic.runtime.metadata;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Rows of {@code mo_app}; results map onto {@link App} by column order. */
@Mapper
interface AppMapper {

    /** The published manifest number comes from the app's own manifest definition, not a copy. */
    String APP_FROM = "SELECT a.app_key, a.name_zh, a.name_en, a.app_version, m.published_version,"
            + " a.created_at, a.updated_at FROM mo_app a LEFT JOIN mo_definition m"
            + " ON m.app_id = a.id AND m.kind = '" + MetadataService.APP_KIND + "' AND m.def_key = a.app_key";

    @Select(APP_FROM + " ORDER BY a.app_key")
    List<App> findAll();

    @Select(APP_FROM + " WHERE a.app_key = #{appKey}")
    App find(String appKey);

    @Select("SELECT id FROM mo_app WHERE app_key = #{appKey}")
    Long findId(String appKey);

    @Select("SELECT id FROM mo_app WHERE app_key = #{appKey} FOR UPDATE")
    Long lockId(String appKey);

    @Insert("INSERT INTO mo_app (app_key, name_zh, name_en, created_at, updated_at)"
            + " VALUES (#{appKey}, #{names.nameZh}, #{names.nameEn}, #{now}, #{now})")
    void insert(String appKey, ManifestInfo names, Instant now);

    @Update("UPDATE mo_app SET name_zh = #{names.nameZh}, name_en = #{names.nameEn}, updated_at = #{now}"
            + " WHERE id = #{appId}")
    void updateNames(long appId, ManifestInfo names, Instant now);

    @Update("UPDATE mo_app SET name_zh = #{published.nameZh}, name_en = #{published.nameEn},"
            + " app_version = #{published.version}, updated_at = #{now} WHERE id = #{appId}")
    void updatePublished(long appId, ManifestInfo published, Instant now);
}
