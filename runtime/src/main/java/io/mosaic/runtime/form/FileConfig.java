package io.mosaic.runtime.form;

import java.io.IOException;
import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.mosaic.form.file.FileStore;
import io.mosaic.form.file.LocalFileStore;

/** The file store: a local directory ({@code mosaic.files.dir}) unless the application defines another {@link FileStore}. */
@Configuration
class FileConfig {

    @Bean
    @ConditionalOnMissingBean(FileStore.class)
    FileStore localFileStore(@Value("${mosaic.files.dir:./data/files}") Path directory) throws IOException {
        return new LocalFileStore(directory);
    }
}
