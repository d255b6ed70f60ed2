package org.pledgeworks.kit.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ServiceArchitectureTest {

    private static final String SAMPLE = "org.pledgeworks.kit.testing.sample";

    @Test
    void aServiceThatKeepsItsBoundariesPasses() {
        ServiceArchitecture.ofAnyClasses(SAMPLE + ".clean").check();
    }

    @Test
    void eachBrokenBoundaryIsReported() {
        ServiceArchitecture broken = ServiceArchitecture.ofAnyClasses(SAMPLE + ".broken");

        assertThat(broken.featuresFreeOfCycles().evaluate(broken.classes()).hasViolation()).isTrue();
        assertThat(broken.systemDependsOnNoFeature().evaluate(broken.classes()).hasViolation()).isTrue();
        assertThat(broken.controllersUseOnlyTheirOwnRepositories().evaluate(broken.classes()).hasViolation()).isTrue();
        assertThatThrownBy(broken::check).hasMessageContaining("Cycle detected")
                .hasMessageContaining("BRepository").hasMessageContaining("system");
    }

    @Test
    void classesSpringGeneratesAheadOfTimeAreNotTheDesignsBusiness() {
        assertThat(ServiceArchitecture.notGeneratedAhead(com.tngtech.archunit.core.importer.Location.of(
                java.nio.file.Path.of("target/classes/org/x/system/MailConfiguration__BeanDefinitions.class")))).isFalse();
        assertThat(ServiceArchitecture.notGeneratedAhead(com.tngtech.archunit.core.importer.Location.of(
                java.nio.file.Path.of("target/classes/org/x/system/MailConfiguration.class")))).isTrue();
    }

    @Test
    void theKitHoldsNoDomainAndKnowsNoService() {
        noClasses().that().resideInAPackage("org.pledgeworks.kit..")
                .should().dependOnClassesThat().resideInAnyPackage("org.pledgeworks.pledge..",
                        "org.pledgeworks.campaign..", "org.pledgeworks.notification..", "org.pledgeworks.gateway..",
                        "org.pledgeworks.infra..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                        .importPackages("org.pledgeworks.kit"));
    }
}
