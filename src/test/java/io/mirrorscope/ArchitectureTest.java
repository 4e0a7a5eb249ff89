package io.mirrorscope;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.base.DescribedPredicate;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering of design.md and the read-only promise, checked on the compiled main classes. */
class ArchitectureTest {

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.mirrorscope");
    }

    @Test
    void coreIsPure() {
        noClasses().that().resideInAPackage("io.mirrorscope.core..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "javafx..", "io.fabric8..", "org.apache.kafka..", "java.net.http..")
                .check(main);
    }

    @Test
    void adaptersAndCliDoNotTouchJavaFxOrUi() {
        noClasses().that().resideInAnyPackage(
                        "io.mirrorscope.kube..", "io.mirrorscope.kafka..", "io.mirrorscope.tracing..",
                        "io.mirrorscope.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "io.mirrorscope.ui..")
                .check(main);
    }

    @Test
    void onlyAppAndUiImportJavaFx() {
        noClasses().that().resideOutsideOfPackages("io.mirrorscope.app..", "io.mirrorscope.ui..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(main);
    }

    @Test
    void viewModelsHaveNoSceneGraph() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .check(main);
    }

    @Test
    void nothingProducesToKafka() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.apache.kafka.clients.producer..")
                .because("MirrorScope never produces (design.md: read-only, enforced)")
                .check(main);
    }

    @Test
    void consumersNeverJoinGroupsOrCommit() {
        noClasses().should().callMethodWhere(calls("org.apache.kafka.clients.consumer.",
                        Set.of("subscribe", "commitSync", "commitAsync", "enforceRebalance")))
                .because("consumers use assign() only and never commit offsets")
                .check(main);
    }

    @Test
    void adminIsOnlyUsedForReads() {
        noClasses().should().callMethodWhere(calls("org.apache.kafka.clients.admin.", Set.of(
                        "createTopics", "deleteTopics", "createPartitions", "deleteRecords", "alterConfigs",
                        "incrementalAlterConfigs", "createAcls", "deleteAcls", "alterConsumerGroupOffsets",
                        "deleteConsumerGroups", "deleteConsumerGroupOffsets", "alterUserScramCredentials",
                        "alterPartitionReassignments", "electLeaders", "alterReplicaLogDirs",
                        "removeMembersFromConsumerGroup", "createDelegationToken", "fenceProducers",
                        "abortTransaction", "alterClientQuotas", "unregisterBroker", "addRaftVoter",
                        "removeRaftVoter", "alterShareGroupOffsets", "deleteShareGroups")))
                .because("the Admin client is used through a read-only facade")
                .check(main);
    }

    @Test
    void kubernetesIsOnlyRead() {
        Pattern writes = Pattern.compile("create|createOr.*|patch|edit|update|replace|delete|serverSideApply"
                + "|scale|rolling|undo|updateStatus|patchStatus|editStatus");
        noClasses().should().callMethodWhere(DescribedPredicate.describe("a fabric8 method that writes",
                        (JavaMethodCall call) -> call.getTargetOwner().getPackageName().startsWith("io.fabric8.")
                                && writes.matcher(call.getName()).matches()
                                && !isAllowedFabric8Builder(call)))
                .because("MirrorScope never writes to Kubernetes")
                .check(main);
    }

    @Test
    void everyKubernetesClientPassesTheGuard() {
        noClasses().that().doNotHaveFullyQualifiedName("io.mirrorscope.kube.KubeSession")
                .should().dependOnClassesThat().haveFullyQualifiedName(
                        "io.fabric8.kubernetes.client.KubernetesClientBuilder")
                .because("only KubeSession builds Kubernetes clients, each with the read-only guard installed")
                .check(main);
    }

    @Test
    void noAwtSwingOrImageIo() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "java.awt..", "javax.swing..", "javax.imageio..", "javax.sound..", "javax.print..",
                        "javafx.print..", "javafx.embed.swing..")
                .because("the installer's runtime leaves out AWT's native libraries (jlink.config, ADR 0003): "
                        + "these classes, and JavaFX's printing that draws through AWT, would fail there with "
                        + "UnsatisfiedLinkError")
                .check(main);
    }

    /**
     * Builders (e.g. {@code KubernetesClientBuilder}) are not writes, and neither is {@code InOutCreateable.create}:
     * fabric8 uses it only for the review APIs (SelfSubjectAccessReview/RulesReview), which persist nothing and
     * which the runtime guard lets through by name.
     */
    private static boolean isAllowedFabric8Builder(JavaMethodCall call) {
        String owner = call.getTargetOwner().getSimpleName();
        return owner.endsWith("Builder") || owner.endsWith("Fluent") || owner.equals("InOutCreateable");
    }

    private static DescribedPredicate<JavaMethodCall> calls(String packagePrefix, Set<String> names) {
        return DescribedPredicate.describe("a call to " + packagePrefix + "* " + names,
                call -> call.getTargetOwner().getName().startsWith(packagePrefix)
                        && names.contains(call.getName()));
    }
}
