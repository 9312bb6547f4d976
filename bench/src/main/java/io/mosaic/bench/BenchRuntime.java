package io.mosaic.bench;

import io.mosaic.runtime.MosaicApplication;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The runtime application booted in-process on a {@link BenchDatabase}, configured as a server runs it except that
 * it listens on no port, the sample pack is installed only when asked for, the SLA sweep is a day away and only
 * warnings are logged. Its data source counts the statements of the measuring thread ({@link #statements}).
 */
final class BenchRuntime implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final StatementCounter statements;

    private BenchRuntime(ConfigurableApplicationContext context, StatementCounter statements) {
        this.context = context;
        this.statements = statements;
    }

    static BenchRuntime start(BenchDatabase database, Path files) {
        return start(database, files, false);
    }

    /** @param samplePack whether the dealer-management pack is installed on start, as a first start of a server does */
    static BenchRuntime start(BenchDatabase database, Path files, boolean samplePack) {
        StatementCounter statements = new StatementCounter();
        List<String> args = new ArrayList<>();
        // Command-line arguments, since they outrank the DB_URL default of the application's own application.yml.
        database.springDataSource().forEach((key, value) -> args.add("--" + key + "=" + value));
        args.addAll(List.of(
                // A servlet application, since its sessions and security need one, that listens nowhere.
                "--server.port=-1",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                "--mosaic.samples.install-on-first-start=" + samplePack,
                "--mosaic.flow.sla-sweep=PT24H",
                "--mosaic.bootstrap.admin-password=" + UUID.randomUUID(),
                "--mosaic.files.dir=" + files));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(MosaicApplication.class)
                .initializers(app -> app.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
                    @Override
                    public Object postProcessAfterInitialization(Object bean, String name) {
                        return bean instanceof DataSource dataSource && "dataSource".equals(name)
                                ? statements.wrap(dataSource) : bean;
                    }
                }))
                .run(args.toArray(String[]::new));
        return new BenchRuntime(context, statements);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    StatementCounter statements() {
        return statements;
    }

    @Override
    public void close() {
        context.close();
    }
}
