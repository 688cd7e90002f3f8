package org.neighborshare.portal;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.neighborshare.testsupport.architecture.ArchitectureRules;

@AnalyzeClasses(packages = "org.neighborshare.portal", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The portal knows the platform only through the gateway's /api/**, never by the services' code. */
    @ArchTest
    static final ArchRule onlyOwnAndSharedCode = ArchitectureRules.onlyOwnAndSharedCode("org.neighborshare.portal");
}
