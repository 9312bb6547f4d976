package io.mosaic.runtime.metadata;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * Rows of {@code mo_definition} and {@code mo_definition_version}; results map onto the records by
 * column order. Versions are only ever inserted: there is deliberately no statement changing one.
 */
@Mapper
interface DefinitionMapper {

    /** A definition together with its newest published version. */
    String ROW_FROM = "SELECT d.id, d.app_id, d.draft, d.published_version, v.content, v.published_at, v.published_by"
            + " FROM mo_definition d LEFT JOIN mo_definition_version v"
            + " ON v.definition_id = d.id AND v.version_no = d.published_version";

    String VERSION_FROM = " FROM mo_definition_version v JOIN mo_definition d ON d.id = v.definition_id"
            + " JOIN mo_app a ON a.id = d.app_id WHERE v.definition_id = #{definitionId}";

    @Select(ROW_FROM + " WHERE d.app_id = (SELECT id FROM mo_app WHERE app_key = #{appKey})"
            + " AND d.kind = #{kind} AND d.def_key = #{key}")
    DefinitionRow findRow(String appKey, String kind, String key);

    /**
     * The row a write works on. Being a locking read it sees what a writer that went first committed,
     * which a plain read in a REPEATABLE READ transaction (MySQL's default) would not.
     */
    @Select(ROW_FROM + " WHERE d.app_id = #{appId} AND d.kind = #{kind} AND d.def_key = #{key} FOR UPDATE")
    DefinitionRow lock(long appId, String kind, String key);

    @Select("<script>SELECT a.app_key, d.kind, d.def_key, d.draft IS NOT NULL, d.published_version, d.updated_at,"
            + " d.updated_by FROM mo_definition d JOIN mo_app a ON a.id = d.app_id WHERE a.app_key = #{appKey}"
            + "<if test='kind != null'> AND d.kind = #{kind}</if> ORDER BY d.kind, d.def_key</script>")
    List<DefinitionSummary> summaries(String appKey, String kind);

    @Select("SELECT a.app_key, d.kind, d.def_key, COALESCE(d.draft, v.content), d.draft IS NOT NULL,"
            + " d.published_version, d.updated_at, d.updated_by FROM mo_definition d JOIN mo_app a ON a.id = d.app_id"
            + " LEFT JOIN mo_definition_version v ON v.definition_id = d.id AND v.version_no = d.published_version"
            + " WHERE a.app_key = #{appKey} AND d.kind = #{kind} AND d.def_key = #{key}")
    Definition find(String appKey, String kind, String key);

    @Insert("INSERT INTO mo_definition (app_id, kind, def_key, draft, created_at, created_by, updated_at, updated_by)"
            + " VALUES (#{appId}, #{kind}, #{key}, #{draft}, #{now}, #{actor}, #{now}, #{actor})")
    void insert(long appId, String kind, String key, String draft, String actor, Instant now);

    @Update("UPDATE mo_definition SET draft = #{draft}, updated_at = #{now}, updated_by = #{actor} WHERE id = #{id}")
    void updateDraft(long id, String draft, String actor, Instant now);

    /** Drops the draft; the published version's author and time become the definition's again. */
    @Update("UPDATE mo_definition SET draft = NULL, updated_at = #{publishedAt},"
            + " updated_by = #{publishedBy} WHERE id = #{id}")
    void dropDraft(DefinitionRow row);

    @Update("UPDATE mo_definition SET draft = NULL, published_version = #{version.version},"
            + " updated_at = #{version.publishedAt}, updated_by = #{version.publishedBy} WHERE id = #{id}")
    void markPublished(long id, DefinitionVersion version);

    @Insert("INSERT INTO mo_definition_version (definition_id, version_no, content, checksum, published_at,"
            + " published_by, publish_comment) VALUES (#{definitionId}, #{version.version}, #{version.content},"
            + " #{version.checksum}, #{version.publishedAt}, #{version.publishedBy}, #{version.comment})")
    void insertVersion(long definitionId, DefinitionVersion version);

    /** Newest first, without content. */
    @Select("SELECT a.app_key, d.kind, d.def_key, v.version_no, NULL, v.checksum, v.published_at, v.published_by,"
            + " v.publish_comment" + VERSION_FROM + " ORDER BY v.version_no DESC")
    List<DefinitionVersion> versions(long definitionId);

    @Select("SELECT a.app_key, d.kind, d.def_key, v.version_no, v.content, v.checksum, v.published_at, v.published_by,"
            + " v.publish_comment" + VERSION_FROM + " AND v.version_no = #{version}")
    DefinitionVersion version(long definitionId, int version);
}
