package io.rivulet.it.probe;

import io.rivulet.store.eclipselink.FailFastSession;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;

/**
 * Test only: counts the SQL statements EclipseLink sends (one per executed call), so tests can
 * assert "no N+1" by counting rather than by reading logs. Installed by the test deployment's
 * persistence.xml; read and reset through {@link StatementCountResource}.
 */
public class StatementCounter extends FailFastSession {

    static final AtomicLong STATEMENTS = new AtomicLong();

    @Override
    public void customize(Session session) {
        super.customize(session);
        session.getEventManager().addListener(new SessionEventAdapter() {
            @Override
            public void preExecuteCall(SessionEvent event) {
                STATEMENTS.incrementAndGet();
            }
        });
    }
}
