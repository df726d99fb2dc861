package dev.oxidizer.agent.core;

import dev.oxidizer.agent.runtime.MethodTable;
import dev.oxidizer.agent.runtime.Probe;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;

import java.lang.instrument.Instrumentation;
import java.util.concurrent.atomic.AtomicInteger;

import static net.bytebuddy.matcher.ElementMatchers.isBootstrapClassLoader;
import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.is;
import static net.bytebuddy.matcher.ElementMatchers.not;

/**
 * Installs the advice with Byte Buddy: retransformation (so classes loaded before an attach are covered and
 * detach restores them), no class format changes, name matching before any class file is parsed, and a
 * listener that sends every transformation error to the agent's log.
 */
final class Instrumenter {
    private final MethodFilter filter;
    private final AgentLog log;
    private final AtomicInteger transformedTypes = new AtomicInteger();
    private final AtomicInteger errors = new AtomicInteger();
    private static final String NEXUS_DISABLED = "net.bytebuddy.nexus.disabled";
    private final java.util.Map<ClassLoader, Boolean> loaderVisibility = new java.util.WeakHashMap<>();
    /**
     * Parsed type descriptions per class loader, for the bursts of class loading; cleared at every flush
     * ({@link #clearCaches}) so that neither loaders nor descriptions are kept alive.
     */
    private final java.util.concurrent.ConcurrentMap<ClassLoader, net.bytebuddy.pool.TypePool.CacheProvider>
            typePoolCaches = new java.util.concurrent.ConcurrentHashMap<>();
    private ResettableClassFileTransformer transformer;
    private final String trivialPolicy;
    private final Scope scope;
    /** Where the CPU of class transformation is added up. */
    private final AgentCpu cpu;
    /** Argument lengths and capture (docs/agent.md, "Inputs"); null: neither. */
    private volatile InputRecording inputs;
    /** Forms the cost budget demoted methods to, by class name, then name + descriptor ({@link #demote}). */
    private final java.util.concurrent.ConcurrentMap<String, java.util.Map<String, String>> budgetForms =
            new java.util.concurrent.ConcurrentHashMap<>();
    private volatile Instrumentation instrumentation;
    private final FormPlanner planner;
    private final MethodForms forms;
    private final JitLimits limits;
    /** Original code sizes of the class being transformed on this thread, for the check after the transformation. */
    private final ThreadLocal<java.util.Map<String, Integer>> originalSizes = new ThreadLocal<>();
    /**
     * The class file locator Byte Buddy built for the class being transformed on this thread (it holds the
     * very bytes being transformed), kept by {@link LocatorKeeping} for {@link #trivialMethods}.
     */
    private final ThreadLocal<net.bytebuddy.dynamic.ClassFileLocator> locator = new ThreadLocal<>();

    /**
     * {@code trivialPolicy} (the {@code trivial} option): {@code count} gives trivial methods the count-only probe,
     * {@code skip} leaves them alone, {@code timed} gives them the full probe.
     */
    Instrumenter(MethodFilter filter, AgentLog log, String trivialPolicy, Scope scope, JitLimits limits,
                 MethodForms forms, AgentCpu cpu) {
        this.filter = filter;
        this.cpu = cpu;
        this.scope = scope;
        this.log = log;
        this.trivialPolicy = trivialPolicy;
        this.limits = limits;
        this.planner = new FormPlanner(limits);
        this.forms = forms;
    }

    /**
     * Registers the methods a JIT limit gave a smaller form (or none) and records why ({@link MethodForms}); methods
     * the filter or their kind keep out anyway are skipped.
     */
    private void recordDecisions(TypeDescription type, java.util.Map<String, FormPlanner.Decision> decisions,
                                 java.util.Map<String, FormPlanner.Shape> shapes) {
        String cls = type.getName();
        decisions.forEach((method, d) -> {
            int paren = method.indexOf('(');
            String name = method.substring(0, paren);
            FormPlanner.Shape shape = shapes.get(method);
            int access = shape == null ? 0 : shape.access();
            boolean lambda = name.startsWith("lambda$");
            if ((access & (net.bytebuddy.jar.asm.Opcodes.ACC_ABSTRACT | net.bytebuddy.jar.asm.Opcodes.ACC_NATIVE
                    | net.bytebuddy.jar.asm.Opcodes.ACC_BRIDGE)) != 0
                    || ((access & net.bytebuddy.jar.asm.Opcodes.ACC_SYNTHETIC) != 0 && !lambda)
                    || name.equals("<clinit>") || !filter.instrumentMethod(cls, name)
                    || !scope.instruments(access, name, method.substring(paren))) {
                return;
            }
            int probe = d.form().equals(MethodForms.NONE) ? MethodTable.PROBE_NONE
                    : d.form().equals(MethodForms.ENTRY) ? MethodTable.PROBE_COUNT : MethodTable.PROBE_FULL;
            int id = MethodTable.register(cls, name, method.substring(paren), access, probe);
            String form = probe == MethodTable.PROBE_FULL ? MethodForms.formOf(probe, MethodTable.mask(id)) : d.form();
            forms.decided(id, form, "", new MethodForms.Reason(d.reason(), d.bytes(), d.estimatedBytes(),
                    d.limit()));
            if (!d.reason().equals(MethodForms.BUDGET)) {
                log.info("JIT limit: " + cls + "#" + method + " (" + d.bytes() + " bytes of bytecode, about "
                        + d.estimatedBytes() + " instrumented, limit " + d.limit() + ", " + d.reason() + "): form "
                        + form + (probe == MethodTable.PROBE_FULL ? ", without call-site counters" : ""));
            }
        });
    }

    /** Sets what is recorded about inputs; before {@link #install}. */
    void inputs(InputRecording recording) {
        this.inputs = recording;
    }

    /** What is recorded about inputs, or null. */
    InputRecording inputs() {
        return inputs;
    }

    void install(Instrumentation inst, boolean attached) {
        Advice methodAdvice = AdviceFactory.methodAdvice();
        Advice ctorAdvice = AdviceFactory.constructorAdvice();
        Advice trivialAdvice = AdviceFactory.trivialAdvice();
        // A class none of whose methods is in scope is not transformed at all (its out-of-scope methods are recorded):
        // most of an interpreter's or a library's classes, whose transformation was most of the agent's start-up.
        ElementMatcher<TypeDescription> typeMatcher = type -> filter.mayInstrumentClass(type.getName())
                && (scope.all() || anyInScope(type));
        // Without this, Byte Buddy's default initialization strategy probes sun.misc.Unsafe, and JDK 24+ then
        // prints a warning on the application's stderr. The name is relocated with Byte Buddy, so the
        // application's own Byte Buddy never sees it; it is cleared once the builder exists.
        System.setProperty(NEXUS_DISABLED, "true");
        AgentBuilder agentBuilder;
        try {
            // Byte Buddy skips synthetic methods by default; lambda bodies are synthetic, so the methods()
            // matcher below decides instead.
            // ForDeclaredMethods: advice only touches declared methods, so the (costly) analysis of the whole
            // type hierarchy is skipped; it dominated class loading of instrumented classes.
            agentBuilder = new AgentBuilder.Default(new ByteBuddy().with(TypeValidation.DISABLED)
                    .with(net.bytebuddy.dynamic.scaffold.MethodGraph.Compiler.ForDeclaredMethods.INSTANCE)
                    .ignore(net.bytebuddy.matcher.ElementMatchers.none()));
        } finally {
            System.clearProperty(NEXUS_DISABLED);
        }
        agentBuilder = agentBuilder.disableClassFormatChanges();
        // Every change below is an ASM visitor (advice, call-site counting), so the class is decorated rather than
        // redefined: Byte Buddy then neither models the whole type nor resolves the types its InnerClasses
        // attribute names, which fails for classes generated at run time whose inner classes exist only in memory
        // (JRuby's org.jruby.gen.RubyObjectN), and costs time at every class load.
        agentBuilder = agentBuilder.with(AgentBuilder.TypeStrategy.Default.DECORATE);
        // At premain only JDK and agent classes are loaded, all excluded: skip the scan of loaded classes,
        // which costs seconds. On attach, loaded classes are retransformed (and restored on detach).
        // At premain the transformer is still registered as retransformation-capable, so that the cost budget can
        // re-instrument a class later (demote); nothing is discovered at install.
        agentBuilder = attached
                ? agentBuilder.with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION).with(new RetransformLog())
                : agentBuilder.with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                        .with(new AgentBuilder.RedefinitionStrategy.DiscoveryStrategy.Explicit())
                        .with(new RetransformLog());
        instrumentation = inst;
        transformer = agentBuilder
                .with(new LocatorKeeping(new AgentBuilder.PoolStrategy.WithTypePoolCache.Simple(
                        net.bytebuddy.pool.TypePool.Default.ReaderMode.FAST, typePoolCaches)))
                .with(AgentBuilder.DescriptionStrategy.Default.POOL_ONLY)
                .with(new ErrorLog())
                .assureReadEdgeTo(inst, Probe.class)
                .ignore((ElementMatcher<TypeDescription>) type -> !filter.mayInstrumentClass(type.getName()),
                        isBootstrapClassLoader().or(is(ClassLoader.getPlatformClassLoader())))
                .type(typeMatcher, this::seesRuntime)
                .transform((DynamicType.Builder<?> builder, TypeDescription type, ClassLoader loader,
                            JavaModule module, java.security.ProtectionDomain pd) -> {
                    byte[] classFile = classFile(type);
                    java.util.Set<String> trivial = trivialPolicy.equals("timed") || classFile == null
                            ? java.util.Set.of() : inScope(type, TrivialMethods.of(classFile));
                    if (trivialPolicy.equals("skip")) {
                        recordTrivialSkipped(type, trivial);
                    }
                    // Not on attach: frames already running old code would call the method without a probe.
                    boolean bySites = trivialPolicy.equals("count") && !attached && classFile != null;
                    TrivialCallSites sites = bySites
                            ? TrivialCallSites.plan(classFile, trivial,
                                    name -> filter.instrumentMethod(type.getName(), name),
                                    internalName -> classFile(internalName.replace('/', '.')))
                            : TrivialCallSites.NONE;
                    // The JIT's limits: methods the instrumentation would push across one get a smaller form or none.
                    java.util.Map<String, FormPlanner.Decision> decisions = java.util.Map.of();
                    if (classFile != null) {
                        java.util.Map<String, Integer> sizes;
                        try {
                            sizes = CodeSizes.of(classFile);
                        } catch (RuntimeException unreadable) {
                            sizes = java.util.Map.of();
                        }
                        java.util.Map<String, FormPlanner.Shape> shapes = FormPlanner.shapes(classFile);
                        java.util.Set<String> keep = new java.util.HashSet<>();
                        // callers whose call-site counters a limit removed, and the decision that did
                        java.util.Map<String, FormPlanner.Decision> kept = new java.util.HashMap<>();
                        for (int round = 0; round < 3; round++) {
                            java.util.Set<String> noProbe = new java.util.HashSet<>(sites.counted());
                            java.util.Set<String> entry = new java.util.HashSet<>();
                            if (trivialPolicy.equals("skip")) {
                                noProbe.addAll(trivial);
                            } else {
                                entry.addAll(trivial);
                            }
                            decisions = new java.util.HashMap<>(
                                    planner.decide(sizes, shapes, entry, noProbe, sites.addedBytes(classFile)));
                            java.util.Map<String, String> demoted = budgetForms.get(type.getName());
                            if (demoted != null) {
                                java.util.Map<String, FormPlanner.Decision> d = decisions;
                                demoted.forEach((m, form) -> {
                                    FormPlanner.Decision jit = d.get(m);
                                    if (jit == null || !jit.form().equals(MethodForms.NONE)) {
                                        d.put(m, new FormPlanner.Decision(form, MethodForms.BUDGET, 0, 0, 0));
                                    }
                                });
                            }
                            java.util.Set<String> callers = new java.util.HashSet<>(decisions.keySet());
                            callers.retainAll(sites.callers());
                            for (String c : callers) {
                                kept.put(c, decisions.get(c));
                            }
                            if (!bySites || !keep.addAll(callers)) {
                                break;
                            }
                            sites = TrivialCallSites.plan(classFile, trivial,
                                    name -> filter.instrumentMethod(type.getName(), name),
                                    internalName -> classFile(internalName.replace('/', '.')), keep);
                        }
                        // A caller that fits once its call-site counters are gone keeps its default probe; the
                        // decision is still recorded (its trivial callees are counted by their own probes instead).
                        for (java.util.Map.Entry<String, FormPlanner.Decision> k : kept.entrySet()) {
                            FormPlanner.Decision d = k.getValue();
                            decisions.putIfAbsent(k.getKey(), new FormPlanner.Decision(trivial.contains(k.getKey())
                                    ? MethodForms.ENTRY : MethodForms.TIMED, d.reason(), d.bytes(),
                                    d.estimatedBytes(), d.limit()));
                        }
                        originalSizes.set(sizes);
                        recordDecisions(type, decisions, shapes);
                    }
                    java.util.Set<String> counted = sites.counted();
                    java.util.Set<String> forcedEntry = new java.util.HashSet<>();
                    java.util.Set<String> forced = new java.util.HashSet<>();
                    decisions.forEach((m, d) -> {
                        if (d.form().equals(MethodForms.ENTRY)) {
                            forced.add(m);
                            forcedEntry.add(m);
                        } else if (d.form().equals(MethodForms.NONE)) {
                            forced.add(m);
                        }
                    });
                    ElementMatcher.Junction<MethodDescription> isTrivial = namedIn(trivial);
                    ElementMatcher.Junction<MethodDescription> isForced = namedIn(forced);
                    InputRecording in = inputs;
                    // first, so that it is the innermost visitor: its code at the method's start stays outside the
                    // ranges the call-site counting (below) opens
                    DynamicType.Builder<?> b = (in == null ? builder
                            : in.decorate(builder, type, methods(type).and(not(isTrivial)).and(not(isForced))))
                            .visit(methodAdvice.on(methods(type).and(not(isTrivial)).and(not(isForced))))
                            .visit(ctorAdvice.on(constructors(type).and(not(isTrivial)).and(not(isForced))));
                    ElementMatcher.Junction<MethodDescription> countOnly = trivialPolicy.equals("skip")
                            ? namedIn(forcedEntry) : isTrivial.and(not(isForced)).or(namedIn(forcedEntry));
                    b = b.visit(trivialAdvice.on(methods(type).or(constructors(type)).and(countOnly)
                            .and(not(namedIn(counted)))));
                    // last, so that it is the outermost visitor and rewrites the callers' original code
                    return counted.isEmpty() ? b : b.visit(sites.wrapper(type.getName()));
                })
                .installOn(inst);
    }

    /**
     * Whether advice inlined into a class of this loader can link to the runtime classes; classes of a loader
     * that cannot (one that does not delegate to the application class loader) are left alone, with one log
     * line per loader, rather than failing on every call. {@code bootstrap=on} makes every loader see them.
     */
    private boolean seesRuntime(ClassLoader loader) {
        if (loader == null) {
            return false;
        }
        synchronized (loaderVisibility) {
            Boolean known = loaderVisibility.get(loader);
            if (known != null) {
                return known;
            }
            boolean sees;
            try {
                sees = Class.forName(Probe.class.getName(), false, loader) == Probe.class;
            } catch (ClassNotFoundException | LinkageError e) {
                sees = false;
            }
            loaderVisibility.put(loader, sees);
            if (!sees) {
                log.warn("classes of class loader " + loader + " are not instrumented: it cannot see the agent's "
                        + "runtime classes; restart with the agent option bootstrap=on to cover it", null);
            }
            return sees;
        }
    }

    /** Methods whose name + descriptor is in {@code methods}. */
    private static ElementMatcher.Junction<MethodDescription> namedIn(java.util.Set<String> methods) {
        return new ElementMatcher.Junction.AbstractBase<>() {
            @Override
            public boolean matches(MethodDescription m) {
                return methods.contains(m.getInternalName() + m.getDescriptor());
            }
        };
    }

    /** The bytes of the class being transformed on this thread, or null if they cannot be had. */
    private byte[] classFile(TypeDescription type) {
        return classFile(type.getName());
    }

    /** The bytes of a class (binary name) of the loader whose class is being transformed, or null. */
    private byte[] classFile(String binaryName) {
        net.bytebuddy.dynamic.ClassFileLocator l = locator.get();
        if (l == null) {
            return null;
        }
        try {
            net.bytebuddy.dynamic.ClassFileLocator.Resolution r = l.locate(binaryName);
            return r.isResolved() ? r.resolve() : null;
        } catch (java.io.IOException | RuntimeException e) {
            return null; // all methods get the full probe
        }
    }

    /**
     * Byte Buddy's pool strategy, also keeping the class file locator it is given for the class being
     * transformed (the same thread then runs the transformer, which reads the class's bytes from it).
     */
    private final class LocatorKeeping implements AgentBuilder.PoolStrategy {
        private final AgentBuilder.PoolStrategy delegate;

        LocatorKeeping(AgentBuilder.PoolStrategy delegate) {
            this.delegate = delegate;
        }

        @Override
        public net.bytebuddy.pool.TypePool typePool(net.bytebuddy.dynamic.ClassFileLocator classFileLocator,
                                                    ClassLoader classLoader) {
            locator.set(classFileLocator);
            return delegate.typePool(classFileLocator, classLoader);
        }

        @Override
        public net.bytebuddy.pool.TypePool typePool(net.bytebuddy.dynamic.ClassFileLocator classFileLocator,
                                                    ClassLoader classLoader, String name) {
            locator.set(classFileLocator);
            return delegate.typePool(classFileLocator, classLoader, name);
        }
    }

    private ElementMatcher.Junction<MethodDescription> methods(TypeDescription type) {
        String cls = type.getName();
        return isMethod().and(m -> candidate(cls, m) && scope.instruments(m.getModifiers(), m.getInternalName(),
                m.getDescriptor()));
    }

    /** A method the filter includes and that has code of its own, in scope or not. */
    private boolean candidate(String cls, MethodDescription m) {
        return !m.isAbstract() && !m.isNative() && !m.isBridge() && !m.isTypeInitializer()
                // synthetic methods are compiler plumbing, except lambda bodies: those are the code a lambda runs
                && (m.isConstructor() ? !m.isSynthetic() : !m.isSynthetic() || m.getInternalName().startsWith("lambda$"))
                && filter.instrumentMethod(cls, m.isConstructor() ? "<init>" : m.getInternalName());
    }

    private ElementMatcher.Junction<MethodDescription> constructors(TypeDescription type) {
        String cls = type.getName();
        return isConstructor().and(m -> scope.all() && !m.isSynthetic() && filter.instrumentMethod(cls, "<init>"));
    }

    /**
     * Whether any method of the class is in scope; records the included ones that are not ({@link MethodForms#leftOut},
     * reason {@code scope}), once per class.
     */
    private boolean anyInScope(TypeDescription type) {
        String cls = type.getName();
        boolean any = false;
        java.util.List<MethodForms.Unregistered> out = new java.util.ArrayList<>();
        for (MethodDescription.InDefinedShape m : type.getDeclaredMethods()) {
            if (!candidate(cls, m)) {
                continue;
            }
            String name = m.isConstructor() ? "<init>" : m.getInternalName();
            if (scope.instruments(m.getModifiers(), name, m.getDescriptor())) {
                any = true;
            } else {
                out.add(new MethodForms.Unregistered(cls, name, m.getDescriptor(), m.getModifiers()));
            }
        }
        forms.leftOut(cls, out, MethodForms.SCOPE);
        return any;
    }

    /** The trivial methods (name + descriptor) that are in scope: the others are not instrumented at all. */
    private java.util.Set<String> inScope(TypeDescription type, java.util.Set<String> trivial) {
        if (scope.all() || trivial.isEmpty()) {
            return trivial;
        }
        java.util.Set<String> in = new java.util.HashSet<>();
        for (MethodDescription.InDefinedShape m : type.getDeclaredMethods()) {
            String key = m.getInternalName() + m.getDescriptor();
            if (trivial.contains(key) && scope.instruments(m.getModifiers(), m.getInternalName(), m.getDescriptor())) {
                in.add(key);
            }
        }
        return in;
    }

    /** With {@code trivial=skip}: records the trivial methods left out (form none, reason trivial). */
    private void recordTrivialSkipped(TypeDescription type, java.util.Set<String> trivial) {
        String cls = type.getName();
        java.util.List<MethodForms.Unregistered> out = new java.util.ArrayList<>();
        for (MethodDescription.InDefinedShape m : type.getDeclaredMethods()) {
            if (trivial.contains(m.getInternalName() + m.getDescriptor()) && candidate(cls, m)) {
                out.add(new MethodForms.Unregistered(cls, m.isConstructor() ? "<init>" : m.getInternalName(),
                        m.getDescriptor(), m.getModifiers()));
            }
        }
        forms.leftOut(cls, out, MethodForms.TRIVIAL);
    }

    /**
     * Re-instruments the classes of methods the cost budget demoted to {@code entry} or {@code none}
     * ({@link CostBudget}). Frames running the old code keep it until they return.
     */
    void demote(java.util.List<CostBudget.Demotion> demotions) {
        Instrumentation inst = instrumentation;
        if (inst == null || !inst.isRetransformClassesSupported()) {
            return;
        }
        java.util.Set<String> classes = new java.util.HashSet<>();
        for (CostBudget.Demotion d : demotions) {
            budgetForms.computeIfAbsent(d.className(), k -> new java.util.concurrent.ConcurrentHashMap<>())
                    .put(d.method(), d.form());
            classes.add(d.className());
        }
        java.util.List<Class<?>> loaded = new java.util.ArrayList<>();
        for (Class<?> c : inst.getAllLoadedClasses()) {
            if (classes.contains(c.getName()) && inst.isModifiableClass(c)) {
                loaded.add(c);
            }
        }
        if (loaded.isEmpty()) {
            return;
        }
        // One call for all: the JVM deoptimizes what depends on the classes once, not once per class.
        try {
            inst.retransformClasses(loaded.toArray(new Class<?>[0]));
        } catch (Throwable batch) {
            for (Class<?> c : loaded) { // one failing class (e.g. unmodifiable by now) must not keep the rest as they are
                try {
                    inst.retransformClasses(c);
                } catch (Throwable t) {
                    log.warn("budget: could not re-instrument " + c.getName() + ": " + t, null);
                }
            }
        }
    }

    /** Restores the original code of every transformed class. */
    void reset(Instrumentation inst) {
        if (transformer != null) {
            transformer.reset(inst, AgentBuilder.RedefinitionStrategy.RETRANSFORMATION);
            transformer = null;
        }
    }

    /** Drops the type pool caches (called by the flusher thread). */
    void clearCaches() {
        typePoolCaches.clear();
    }

    int transformedTypes() {
        return transformedTypes.get();
    }

    int errors() {
        return errors.get();
    }

    /**
     * Compares the instrumented class's method sizes with the originals: a method the estimate let across a JIT limit
     * is named in the log (the estimate's bounds are then wrong and must be raised).
     */
    private void checkLimits(String className, DynamicType dynamicType) {
        java.util.Map<String, Integer> before = originalSizes.get();
        originalSizes.remove();
        if (before == null || before.isEmpty()) {
            return;
        }
        try {
            CodeSizes.of(dynamicType.getBytes()).forEach((method, after) -> {
                Integer was = before.get(method);
                if (was == null) {
                    return;
                }
                int huge = limits.hugeMethodLimit();
                if (limits.dontCompileHugeMethods() && was <= huge && after > huge) {
                    log.warn("instrumentation pushed " + className + "#" + method + " across HugeMethodLimit (" + was
                            + " -> " + after + " bytes): it will not be compiled", null);
                }
            });
        } catch (RuntimeException unreadable) {
            // the check is a safety net; the class is instrumented either way
        }
    }

    private final class ErrorLog extends AgentBuilder.Listener.Adapter {
        @Override
        public void onDiscovery(String typeName, ClassLoader classLoader, JavaModule module, boolean loaded) {
            cpu.transformStarted();
        }

        @Override
        public void onTransformation(TypeDescription typeDescription, ClassLoader classLoader, JavaModule module,
                                     boolean loaded, DynamicType dynamicType) {
            transformedTypes.incrementAndGet();
            checkLimits(typeDescription.getName(), dynamicType);
        }

        @Override
        public void onComplete(String typeName, ClassLoader classLoader, JavaModule module, boolean loaded) {
            cpu.transformEnded();
            locator.remove(); // the class's bytes and loader are not kept past its transformation
            originalSizes.remove();
        }

        @Override
        public void onError(String typeName, ClassLoader classLoader, JavaModule module, boolean loaded,
                            Throwable throwable) {
            errors.incrementAndGet();
            log.warn("not instrumented: " + typeName + " (" + throwable + ")", throwable);
        }
    }

    private final class RetransformLog extends AgentBuilder.RedefinitionStrategy.Listener.Adapter {
        @Override
        public Iterable<? extends java.util.List<Class<?>>> onError(int index, java.util.List<Class<?>> batch,
                                                                    Throwable throwable,
                                                                    java.util.List<Class<?>> types) {
            errors.incrementAndGet();
            log.warn("retransformation of " + batch.size() + " classes failed: " + throwable, throwable);
            return java.util.List.of();
        }
    }
}
