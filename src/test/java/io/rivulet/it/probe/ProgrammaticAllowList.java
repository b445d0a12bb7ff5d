package io.rivulet.it.probe;

import io.rivulet.hooks.AllowList;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/** Test only: adds {@code rivulet.test.allow} to the allow-list through the programmatic API at startup. */
@ApplicationScoped
public class ProgrammaticAllowList {

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object start, AllowList allowList) {
        Optional<String> extra = ConfigProvider.getConfig().getOptionalValue("rivulet.test.allow", String.class);
        extra.ifPresent(name -> allowList.allow(name));
    }
}
