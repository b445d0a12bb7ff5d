package io.rivulet.example;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Leaves {@link ExampleRecipes} out of the application unless {@code rivulet.example.recipes=true}:
 * an observer that is there but does nothing still makes Rivulet fire the event (and every create
 * of {@code teams} paid for it).
 */
public class ExampleRecipesSwitch implements Extension {

    void recipes(@Observes ProcessAnnotatedType<ExampleRecipes> recipes) {
        boolean on = ConfigProvider.getConfig().getOptionalValue("rivulet.example.recipes", Boolean.class)
                .orElse(false);
        if (!on) {
            recipes.veto();
        }
    }
}
