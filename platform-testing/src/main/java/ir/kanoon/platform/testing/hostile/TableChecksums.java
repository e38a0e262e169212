package ir.kanoon.platform.testing.hostile;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * A checksum of every row of every table of the service's database (schema {@code public}), per table, so that
 * "a rejected request changed nothing" can be checked and the table that changed named.
 */
public final class TableChecksums {

    private final DataSource dataSource;
    private final Set<String> excluded;

    public TableChecksums(DataSource dataSource, Set<String> excluded) {
        this.dataSource = dataSource;
        this.excluded = excluded;
    }

    public TreeMap<String, String> take() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables WHERE "
                    + "table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name")) {
                while (rs.next()) {
                    String t = rs.getString(1);
                    if (!excluded.contains(t) && !t.equals("flyway_schema_history")) {
                        tables.add(t);
                    }
                }
            }
            TreeMap<String, String> sums = new TreeMap<>();
            if (tables.isEmpty()) {
                return sums;
            }
            StringBuilder sql = new StringBuilder();
            for (String t : tables) {
                if (!sql.isEmpty()) {
                    sql.append(" UNION ALL ");
                }
                sql.append("SELECT '").append(t).append("', count(*) || ':' || coalesce(md5(string_agg(md5(x::text), '' ")
                        .append("ORDER BY md5(x::text))), '') FROM \"").append(t).append("\" x");
            }
            try (ResultSet rs = s.executeQuery(sql.toString())) {
                while (rs.next()) {
                    sums.put(rs.getString(1), rs.getString(2));
                }
            }
            return sums;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot checksum the tables", e);
        }
    }
}
