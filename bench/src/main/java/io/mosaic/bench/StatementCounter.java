package io.mosaic.bench;

import org.springframework.jdbc.datasource.DelegatingDataSource;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts the SQL statements one thread sends through a data source, by their text, while it is {@link #start started}:
 * what a benchmark's two sides ask of the database per unit of work, without the pollers of other threads.
 */
final class StatementCounter {

    private volatile Thread counted;
    private final Map<String, Long> bySql = new LinkedHashMap<>();

    /** {@code target} with every connection it hands out counting the statements prepared or executed on it. */
    DataSource wrap(DataSource target) {
        return new DelegatingDataSource(target) {
            @Override
            public Connection getConnection() throws SQLException {
                return counting(Connection.class, super.getConnection());
            }

            @Override
            public Connection getConnection(String username, String password) throws SQLException {
                return counting(Connection.class, super.getConnection(username, password));
            }
        };
    }

    /** Starts counting afresh, on the calling thread. */
    void start() {
        bySql.clear();
        counted = Thread.currentThread();
    }

    /** Stops counting; answers how often each statement text was sent since {@link #start}. */
    Map<String, Long> stop() {
        counted = null;
        return Map.copyOf(bySql);
    }

    private <T> T counting(Class<T> type, T target) {
        return type.cast(Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "equals" -> {
                            return proxy == args[0];
                        }
                        case "hashCode" -> {
                            return System.identityHashCode(proxy);
                        }
                        default -> {
                        }
                    }
                    if (args != null && args.length > 0 && args[0] instanceof String sql && sends(method)) {
                        count(sql);
                    }
                    Object result = invoke(method, target, args);
                    // Plain statements name their SQL when they run it, prepared ones when they are prepared.
                    return result instanceof Statement statement && "createStatement".equals(method.getName())
                            ? counting(Statement.class, statement) : result;
                }));
    }

    private static boolean sends(Method method) {
        String name = method.getName();
        return name.startsWith("prepare") || name.startsWith("execute") || name.equals("addBatch");
    }

    private void count(String sql) {
        if (Thread.currentThread() == counted) {
            bySql.merge(sql.strip().replaceAll("\\s+", " "), 1L, Long::sum);
        }
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
