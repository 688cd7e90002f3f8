package org.neighborshare.gateway;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.neighborshare.testsupport.architecture.ArchitectureRules;

@AnalyzeClasses(packages = "org.neighborshare.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The gateway knows the services only by their URLs and routes, never by their code. */
    @ArchTest
    static final ArchRule onlyOwnAndSharedCode = ArchitectureRules.onlyOwnAndSharedCode("org.neighborshare.gateway");
}
