package io.mirrorscope;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mirrorscope.testsupport.OracleTools;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The layering of design.md and the read-only promise, checked on the compiled main classes; and the test split
 * (pom.xml: tags kafka, sandbox, fx, oracle and timed — tests that wait on real clocks for seconds — run in verify,
 * not in test), checked on the test classes.
 */
class ArchitectureTest {

    private static JavaClasses main;
    private static JavaClasses tests;

    @BeforeAll
    static void importClasses() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.mirrorscope");
        tests = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("/jmh_generated/"))
                .importPackages("io.mirrorscope");
    }

    /**
     * Our own packages, in layers: core is the pure model; the adapters (kube, kafka, tracing, snapshot) build on
     * core only (kafka reads Strimzi through fabric8 itself, not through kube); the CLI wires core and adapters; ui
     * shows core models and uses kube's session and kubeconfig for the connect dialog; app wires everything.
     */
    @Test
    void layersBetweenOurPackages() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("Core").definedBy("io.mirrorscope.core..")
                .layer("Kube").definedBy("io.mirrorscope.kube..")
                .layer("Kafka").definedBy("io.mirrorscope.kafka..")
                .layer("Tracing").definedBy("io.mirrorscope.tracing..")
                .layer("Snapshot").definedBy("io.mirrorscope.snapshot..")
                .layer("Cli").definedBy("io.mirrorscope.cli..")
                .layer("Ui").definedBy("io.mirrorscope.ui..")
                .layer("App").definedBy("io.mirrorscope.app..")
                .whereLayer("Core").mayNotAccessAnyLayer()
                .whereLayer("Kube").mayOnlyAccessLayers("Core")
                // the Kafka adapter finds listeners, CAs and users in Strimzi's resources; the tracing adapter reaches
                // Jaeger through the Kubernetes service proxy: both through kube's one reader of each
                .whereLayer("Kafka").mayOnlyAccessLayers("Core", "Kube")
                .whereLayer("Tracing").mayOnlyAccessLayers("Core", "Kube")
                .whereLayer("Snapshot").mayOnlyAccessLayers("Core")
                .whereLayer("Cli").mayOnlyAccessLayers("Core", "Kube", "Kafka", "Tracing", "Snapshot")
                // the traces view asks the Jaeger client (HTTP JSON, no Kafka or fabric8 types) directly
                .whereLayer("Ui").mayOnlyAccessLayers("Core", "Kube", "Tracing")
                .whereLayer("App").mayNotBeAccessedByAnyLayer()
                .check(main);
    }

    @Test
    void noCyclesBetweenTopLevelPackages() {
        slices().matching("io.mirrorscope.(*)..").should().beFreeOfCycles().check(main);
    }

    @Test
    void uiHoldsNoFabric8OrKafkaTypes() {
        noClasses().that().resideInAPackage("io.mirrorscope.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("io.fabric8..", "org.apache.kafka..")
                .because("views show core models; Kubernetes and Kafka clients stay behind kube, kafka and app")
                .check(main);
    }

    @Test
    void onlyTheReadOnlyFactoryBuildsKafkaClients() {
        noClasses().that().doNotHaveFullyQualifiedName("io.mirrorscope.kafka.ReadOnlyClients")
                .should().dependOnClassesThat().haveFullyQualifiedName(
                        "org.apache.kafka.clients.consumer.KafkaConsumer")
                .because("ReadOnlyClients makes every consumer without group.id and with auto-commit off")
                .check(main);
        noClasses().that().doNotHaveFullyQualifiedName("io.mirrorscope.kafka.ReadOnlyClients")
                .and().doNotHaveFullyQualifiedName("io.mirrorscope.kafka.ReadOnlyAdmin")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.apache.kafka.clients.admin.Admin")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.apache.kafka.clients.admin.AdminClient")
                .orShould().dependOnClassesThat()
                .haveFullyQualifiedName("org.apache.kafka.clients.admin.KafkaAdminClient")
                .because("the Admin client is reached only through the read-only facade ReadOnlyAdmin")
                .check(main);
    }

    /** fabric8 7.5.2 method names of exec, attach and file transfer (javap of kubernetes-client-api). */
    private static final Set<String> POD_IO = Set.of("exec", "attach", "upload", "copy", "file", "dir",
            "readingInput", "redirectingInput", "writingOutput", "redirectingOutput", "writingError",
            "redirectingError", "writingErrorChannel", "redirectingErrorChannel", "terminateOnError", "withTTY",
            "usingListener", "ephemeralContainers");

    /** fabric8's exec, attach and file transfer (ContainerResource, Execable, CopyOrReadable and their chain). */
    static final ArchRule NO_POD_EXEC_ATTACH_OR_COPY = noClasses()
            .should().callMethodWhere(DescribedPredicate.describe("a fabric8 exec/attach/copy call",
                    (JavaMethodCall call) -> call.getTargetOwner().getPackageName()
                            .startsWith("io.fabric8.kubernetes.client")
                            && POD_IO.contains(call.getName())))
            .orShould().dependOnClassesThat().haveFullyQualifiedName(
                    "io.fabric8.kubernetes.client.dsl.Execable")
            .orShould().dependOnClassesThat().haveFullyQualifiedName(
                    "io.fabric8.kubernetes.client.dsl.ExecWatch")
            .orShould().dependOnClassesThat().haveFullyQualifiedName(
                    "io.fabric8.kubernetes.client.dsl.CopyOrReadable")
            .because("exec, attach and file copies run code or change files in pods: MirrorScope only reads");

    @Test
    void noPodExecAttachOrFileTransfer() {
        NO_POD_EXEC_ATTACH_OR_COPY.check(main);
    }

    @Test
    void theExecBanCatchesExecAttachAndCopy() {
        for (Class<?> offender : new Class<?>[] {Exec.class, Attach.class, Copy.class}) {
            assertThat(NO_POD_EXEC_ATTACH_OR_COPY.evaluate(new ClassFileImporter().importClasses(offender))
                    .hasViolation()).as(offender.getSimpleName()).isTrue();
        }
    }

    /** Test classes that start brokers, the sandbox or JavaFX carry the tag that moves them out of {@code test}. */
    @Test
    void slowTestsAreTaggedForVerify() {
        taggedIfDependingOn("kafka", "io.mirrorscope.testkit.KafkaTestCluster", "kafka", "sandbox", "bench");
        taggedIfDependingOn("sandbox", "io.mirrorscope.sandbox.Sandbox", "sandbox", "bench");
        // classes that run kubectl or kcat on the real PATH (not PrerequisitesTest, which passes its own PATH)
        Set<String> oracleUsers = new java.util.TreeSet<>();
        tests.forEach(c -> c.getMethodCallsFromSelf().stream()
                .filter(call -> call.getTargetOwner().getName().equals(OracleTools.class.getName())
                        && call.getName().equals("require") && call.getTarget().getRawParameterTypes().size() == 1)
                .forEach(call -> oracleUsers.add(c.getName())));
        assertThat(oracleUsers).as("callers of OracleTools.require").isNotEmpty();
        for (String user : oracleUsers) {
            taggedIfDependingOn("an oracle program", user, "oracle", "kafka", "sandbox", "bench");
        }
        classes().that().haveSimpleNameEndingWith("Test")
                .and(DescribedPredicate.describe("use TestFX", (JavaClass c) -> c.getDirectDependenciesFromSelf()
                        .stream().anyMatch(d -> d.getTargetClass().getPackageName().startsWith("org.testfx"))))
                .should(beTagged("fx", "bench"))
                .check(tests);
    }

    private static void taggedIfDependingOn(String what, String className, String... tags) {
        classes().that().haveSimpleNameEndingWith("Test")
                .and(DescribedPredicate.describe("start " + what + " (use " + className + ")",
                        (JavaClass c) -> reaches(c, className)))
                .should(beTagged(tags))
                .check(tests);
    }

    /** Whether {@code from} depends on {@code className} directly or through our own classes. */
    private static boolean reaches(JavaClass from, String className) {
        Set<JavaClass> seen = new java.util.HashSet<>();
        java.util.ArrayDeque<JavaClass> todo = new java.util.ArrayDeque<>(List.of(from));
        while (!todo.isEmpty()) {
            JavaClass c = todo.pop();
            if (!seen.add(c)) {
                continue;
            }
            if (c.getName().equals(className)) {
                return true;
            }
            c.getDirectDependenciesFromSelf().stream().map(d -> d.getTargetClass())
                    .filter(t -> t.getName().startsWith("io.mirrorscope."))
                    .forEach(todo::push);
        }
        return false;
    }

    private static ArchCondition<JavaClass> beTagged(String... tags) {
        return new ArchCondition<>("be tagged one of " + Arrays.toString(tags)) {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                boolean tagged = Arrays.stream(c.reflect().getAnnotationsByType(Tag.class))
                        .anyMatch(t -> Arrays.asList(tags).contains(t.value()));
                events.add(new SimpleConditionEvent(c, tagged, c.getName() + " is not tagged "
                        + String.join(" or ", tags) + " (pom.xml runs it in the wrong set)"));
            }
        };
    }

    /** Offenders for {@link #theExecBanCatchesExecAttachAndCopy}: never run, only imported. */
    static final class Exec {
        void run(KubernetesClient client) {
            client.pods().withName("p").exec("sh", "-c", "id");
        }
    }

    static final class Attach {
        void run(KubernetesClient client) {
            client.pods().withName("p").inContainer("c").attach();
        }
    }

    static final class Copy {
        void run(KubernetesClient client) {
            client.pods().withName("p").file("/etc/passwd").copy(java.nio.file.Path.of("x"));
        }
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
