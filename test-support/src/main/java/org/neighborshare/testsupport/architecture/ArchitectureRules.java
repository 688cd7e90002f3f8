package org.neighborshare.testsupport.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The architecture rules every module is held to, written once. Each module's {@code ArchitectureTest} applies
 * them to its own root package; a violation fails the build with the rule and the reason below.
 */
public final class ArchitectureRules {

    private static final String ROOT = "org.neighborshare..";
    private static final String SHARED = "org.neighborshare.shared..";

    private ArchitectureRules() {}

    /**
     * Inside one service: resources ({@code api}) call use cases ({@code service}) and read entities
     * ({@code domain}); use cases and entities never reach back into the web layer, and entities know no use case.
     */
    public static ArchRule layers(String rootPackage) {
        return layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("api")
                .definedBy(rootPackage + ".api..")
                .layer("service")
                .definedBy(rootPackage + ".service..")
                .layer("domain")
                .definedBy(rootPackage + ".domain..")
                .whereLayer("api")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("service")
                .mayOnlyBeAccessedByLayers("api")
                .whereLayer("domain")
                .mayOnlyBeAccessedByLayers("api", "service")
                .because("the rules live in domain/ and service/ and must not depend on how they are served over HTTP"
                        + " (README, 'How the code is laid out')");
    }

    /**
     * A module uses only its own code and the shared library: services talk to each other through the gateway,
     * never by sharing classes, so each can be changed and deployed alone.
     */
    public static ArchRule onlyOwnAndSharedCode(String rootPackage) {
        return classes()
                .that()
                .resideInAPackage(rootPackage + "..")
                .should()
                .onlyDependOnClassesThat(
                        not(resideInAnyPackage(ROOT)).or(resideInAnyPackage(rootPackage + "..", SHARED)))
                .because("services talk to each other only over HTTP through the gateway (docs/invariants.md, I6);"
                        + " what they share is in the shared library");
    }
}
