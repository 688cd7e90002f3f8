package org.neighborshare.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.neighborshare.shared.audit.AuditFact;

/**
 * The service's public log as a test reads it: straight from the audit table of the test database (as the
 * operator), every committed entry parsed back into its fact. Take {@link #size()} before acting, then read
 * {@link #since} to see exactly what the action appended.
 */
public final class AuditEntries {

    private AuditEntries() {}

    /** The number of entries in the log now. */
    public static int size() {
        try (Connection c = PostgresResource.ownerConnection();
                ResultSet rs = c.createStatement().executeQuery("select count(*) from audit.entries")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The facts of the entries from index {@code start} on, in log order. */
    public static List<AuditFact> since(int start) {
        try (Connection c = PostgresResource.ownerConnection();
                PreparedStatement st =
                        c.prepareStatement("select entry from audit.entries where idx >= ? order by idx")) {
            st.setLong(1, start);
            List<AuditFact> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(AuditFact.parse(rs.getBytes(1)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
