package org.neighborshare.shared;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.neighborshare.shared", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    // test-support (where the other modules' rules live) depends on shared, so this one rule is stated here.
    @ArchTest
    static final ArchRule dependsOnNoService = classes()
            .that()
            .resideInAPackage("org.neighborshare.shared..")
            .should()
            .onlyDependOnClassesThat(
                    not(resideInAnyPackage("org.neighborshare..")).or(resideInAnyPackage("org.neighborshare.shared..")))
            .because("every service and the gateway build on shared, so shared must not know any of them");
}
