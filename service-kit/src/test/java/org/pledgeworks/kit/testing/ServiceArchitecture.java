package org.pledgeworks.kit.testing;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.List;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The boundaries every service keeps (STYLE.md, "package by feature"), as ArchUnit rules a service's
 * test checks against its own production classes:
 * <ul>
 * <li>no cycles between feature packages;</li>
 * <li>{@code system/} (cross-cutting configuration) depends on no feature;</li>
 * <li>a controller reaches no repository of another feature: it asks that feature's service;</li>
 * <li>nothing outside the kit depends on the kit's internals.</li>
 * </ul>
 */
public final class ServiceArchitecture {

    /** The packages of the kit that are its own business (none today; kept for what comes). */
    static final String KIT_INTERNALS = "org.pledgeworks.kit..internal..";

    private final String root;
    private final JavaClasses classes;

    private ServiceArchitecture(String root, JavaClasses classes) {
        this.root = root;
        this.classes = classes;
    }

    /** The production classes (no tests, no jars) under {@code rootPackage}, e.g. {@code org.pledgeworks.pledge}. */
    public static ServiceArchitecture of(String rootPackage) {
        return new ServiceArchitecture(rootPackage, new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .withImportOption(ServiceArchitecture::notGeneratedAhead)
                .importPackages(rootPackage));
    }

    /**
     * Spring AOT writes {@code X__BeanDefinitions} and the like into target/classes when a service is
     * packaged, and they stay there after a class moves: they are the build's, not the design's.
     */
    static boolean notGeneratedAhead(com.tngtech.archunit.core.importer.Location location) {
        return !location.contains("__");
    }

    /** Test classes included: for the rules' own tests, which check them against sample packages. */
    static ServiceArchitecture ofAnyClasses(String rootPackage) {
        return new ServiceArchitecture(rootPackage, new ClassFileImporter().importPackages(rootPackage));
    }

    public JavaClasses classes() {
        return classes;
    }

    public List<ArchRule> rules() {
        return List.of(featuresFreeOfCycles(), systemDependsOnNoFeature(), controllersUseOnlyTheirOwnRepositories(),
                noKitInternals());
    }

    /** Checks every rule, reporting all that are broken at once. */
    public void check() {
        List<String> broken = rules().stream().map(rule -> rule.evaluate(classes))
                .filter(result -> result.hasViolation()).map(result -> result.getFailureReport().toString()).toList();
        if (!broken.isEmpty()) {
            throw new AssertionError(String.join("\n\n", broken));
        }
    }

    public ArchRule featuresFreeOfCycles() {
        return slices().matching(root + ".(*)..").namingSlices("feature $1").should().beFreeOfCycles()
                .because("features depend on each other one way only (STYLE.md)");
    }

    public ArchRule systemDependsOnNoFeature() {
        return noClasses().that().resideInAPackage(root + ".system..")
                .should().dependOnClassesThat(resideInAPackage(root + "..")
                        .and(not(resideInAPackage(root + ".system..")))
                        .and(not(resideInAPackage(root))))
                .because("system/ holds cross-cutting configuration that every feature may use, so it uses none")
                .allowEmptyShould(true);
    }

    public ArchRule controllersUseOnlyTheirOwnRepositories() {
        return com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
                .that().haveSimpleNameEndingWith("Controller")
                .should(new ArchCondition<JavaClass>("reach no repository of another feature") {
                    @Override
                    public void check(JavaClass controller, ConditionEvents events) {
                        for (Dependency dependency : controller.getDirectDependenciesFromSelf()) {
                            JavaClass target = dependency.getTargetClass();
                            if (target.getSimpleName().endsWith("Repository")
                                    && !target.getPackageName().equals(controller.getPackageName())) {
                                events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                            }
                        }
                    }
                })
                .because("a feature's data is reached through that feature, not around it")
                .allowEmptyShould(true);
    }

    public ArchRule noKitInternals() {
        return noClasses().that(not(resideInAnyPackage("org.pledgeworks.kit..")))
                .should().dependOnClassesThat().resideInAPackage(KIT_INTERNALS)
                .because("the kit's public packages are its API; the rest may change under the services")
                .allowEmptyShould(true);
    }
}
