import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Tiny SQL client for the local stack, so that neither deploy/local/kanoon nor deploy/local/smoke
 * needs a psql binary (the zonky PostgreSQL bundle ships only initdb, pg_ctl and postgres).
 *
 * <pre>java -cp classes:postgresql.jar Sql JDBC_URL USER PASSWORD SQL [SQL...]</pre>
 *
 * Each SQL argument is executed on its own, in auto-commit mode (so CREATE DATABASE works).
 * Rows of a query are printed one per line, columns separated by a tab. Any error: message on
 * stderr, exit code 1.
 */
public final class Sql {

    public static void main(String[] args) {
        if (args.length < 4) {
            System.err.println("usage: Sql JDBC_URL USER PASSWORD SQL [SQL...]");
            System.exit(2);
        }
        try (Connection connection = DriverManager.getConnection(args[0], args[1], args[2])) {
            connection.setAutoCommit(true);
            for (int i = 3; i < args.length; i++) {
                execute(connection, args[i]);
            }
        } catch (SQLException e) {
            System.err.println("SQL error: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            if (!statement.execute(sql)) {
                return;
            }
            try (ResultSet rows = statement.getResultSet()) {
                ResultSetMetaData meta = rows.getMetaData();
                StringBuilder line = new StringBuilder();
                while (rows.next()) {
                    line.setLength(0);
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        if (c > 1) {
                            line.append('\t');
                        }
                        line.append(rows.getString(c));
                    }
                    System.out.println(line);
                }
            }
        }
    }
}
