package org.neighborshare.agency;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.neighborshare.testsupport.architecture.ArchitectureRules;

@AnalyzeClasses(packages = "org.neighborshare.agency", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule layers = ArchitectureRules.layers("org.neighborshare.agency");

    @ArchTest
    static final ArchRule onlyOwnAndSharedCode = ArchitectureRules.onlyOwnAndSharedCode("org.neighborshare.agency");
}
