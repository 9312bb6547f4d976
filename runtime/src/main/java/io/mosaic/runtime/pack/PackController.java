package io.mosaic.runtime.pack;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Template packs", description = "Export an app as a zip; install or upgrade it elsewhere")
@PreAuthorize("hasAnyRole('admin','analyst')")
public class PackController {

    private final PackService packs;

    public PackController(PackService packs) {
        this.packs = packs;
    }

    @Operation(summary = "Import a pack: with dryRun=true, only the plan of what would change")
    @PostMapping(path = "/api/packs/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ImportPlan importPack(@RequestPart("file") MultipartFile file,
                                 @RequestParam(defaultValue = "false") boolean dryRun,
                                 Authentication user) throws IOException {
        PackFiles pack;
        try (InputStream in = file.getInputStream()) {
            pack = packs.read(in);
        }
        return dryRun ? packs.plan(pack) : packs.install(pack, user.getName());
    }

    @Operation(summary = "Export an app's published definitions as a pack zip")
    @GetMapping(path = "/api/apps/{app}/export", produces = "application/zip")
    public ResponseEntity<byte[]> export(@PathVariable String app) {
        PackService.Export export = packs.export(app);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(export.fileName()).build().toString())
                .contentType(MediaType.parseMediaType("application/zip"))
                .body(export.zip());
    }
}
