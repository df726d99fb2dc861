package dev.oxidizer.agent.core;

import dev.oxidizer.agent.runtime.MethodTable;
import dev.oxidizer.agent.runtime.Probe;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.matcher.ElementMatcher;

import java.lang.instrument.Instrumentation;
import java.util.concurrent.atomic.AtomicInteger;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.not;

/**
 * Installs the advice with Byte Buddy through the agent's own class-file transformer ({@link Transformer}):
 * retransformation (so classes loaded before an attach are covered and detach restores them), no class format
 * changes, name matching before any class file is parsed, and every transformation error sent to the agent's log.
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
    private java.lang.instrument.ClassFileTransformer transformer;
    private static final ClassLoader PLATFORM_LOADER = ClassLoader.getPlatformClassLoader();
    /** Classes per {@code retransformClasses} call on attach and detach. */
    private static final int RETRANSFORM_BATCH = 100;
    /** Names of the classes transformed so far: detach restores these. */
    private final java.util.Set<String> transformedNames = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private net.bytebuddy.ByteBuddy byteBuddy;
    private Advice methodAdvice;
    private Advice ctorAdvice;
    private Advice trivialAdvice;
    private ElementMatcher<TypeDescription> typeMatcher;
    private net.bytebuddy.agent.builder.AgentBuilder.PoolStrategy pools;
    /** Whether the agent was attached to a running JVM (set by {@link #install}). */
    private volatile boolean attached;
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
     * The class file locator of the class being transformed on this thread (the very bytes being transformed, then its
     * loader), for {@link #classFile}: the call-site planning reads the class files of its callees through it.
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
        this.pools = new net.bytebuddy.agent.builder.AgentBuilder.PoolStrategy.WithTypePoolCache.Simple(
                net.bytebuddy.pool.TypePool.Default.ReaderMode.FAST, typePoolCaches);
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

    /**
     * Builds the advices and registers the transformer; on attach, retransforms the classes already loaded that the
     * filter includes.
     */
    void install(Instrumentation inst, boolean attached) {
        methodAdvice = AdviceFactory.methodAdvice();
        ctorAdvice = AdviceFactory.constructorAdvice();
        trivialAdvice = AdviceFactory.trivialAdvice();
        // A class none of whose methods is in scope is not transformed at all (its out-of-scope methods are recorded):
        // most of an interpreter's or a library's classes, whose transformation was most of the agent's start-up.
        // (The transformer has matched the class's name against the filter before it parses the class.)
        typeMatcher = type -> scope.all() || anyInScope(type);
        // Without this, Byte Buddy's default initialization strategy may probe sun.misc.Unsafe, and JDK 24+ then
        // prints a warning on the application's stderr. The name is relocated with Byte Buddy, so the
        // application's own Byte Buddy never sees it; it is cleared once the ByteBuddy instance exists.
        System.setProperty(NEXUS_DISABLED, "true");
        try {
            // Byte Buddy skips synthetic methods by default; lambda bodies are synthetic, so the methods()
            // matcher below decides instead.
            // ForDeclaredMethods: advice only touches declared methods, so the (costly) analysis of the whole
            // type hierarchy is skipped; it dominated class loading of instrumented classes.
            // Context.Disabled: no class format changes (no added fields or methods), so that retransformation works.
            byteBuddy = new ByteBuddy().with(TypeValidation.DISABLED)
                    .with(net.bytebuddy.dynamic.scaffold.MethodGraph.Compiler.ForDeclaredMethods.INSTANCE)
                    .with(net.bytebuddy.implementation.Implementation.Context.Disabled.Factory.INSTANCE)
                    .ignore(net.bytebuddy.matcher.ElementMatchers.none());
        } finally {
            System.clearProperty(NEXUS_DISABLED);
        }
        this.attached = attached;
        instrumentation = inst;
        Transformer t = new Transformer();
        // Retransformation-capable, so that the cost budget can re-instrument a class later (demote) and detach can
        // restore the original code.
        inst.addTransformer(t, true);
        transformer = t;
        if (attached) {
            // Classes loaded before the attach: retransformed now. At premain only JDK and agent classes are loaded,
            // all excluded, so the scan of loaded classes (which costs seconds) is skipped there.
            retransform(inst, loadedClasses(inst, c -> filter.mayInstrumentClass(c.getName())));
        }
    }

    /**
     * The instrumentation of one class, as the transformer applies it: the advices, the smaller forms the JIT's limits
     * and the cost budget chose, call-site counting of trivial callees, argument recording. {@code classFile}: the
     * bytes being transformed.
     */
    private DynamicType.Builder<?> decorate(DynamicType.Builder<?> builder, TypeDescription type, byte[] classFile) {
        java.util.Set<String> trivial = trivialPolicy.equals("timed")
                ? java.util.Set.of() : inScope(type, TrivialMethods.of(classFile));
        if (trivialPolicy.equals("skip")) {
            recordTrivialSkipped(type, trivial);
        }
        // Not on attach: frames already running old code would call the method without a probe.
        boolean bySites = trivialPolicy.equals("count") && !attached;
        TrivialCallSites sites = bySites
                ? TrivialCallSites.plan(classFile, trivial,
                        name -> filter.instrumentMethod(type.getName(), name),
                        internalName -> classFile(internalName.replace('/', '.')))
                : TrivialCallSites.NONE;
        // The JIT's limits: methods the instrumentation would push across one get a smaller form or none.
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
        java.util.Map<String, FormPlanner.Decision> decisions = java.util.Map.of();
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
    }

    /**
     * The agent's class-file transformer. Byte Buddy's own {@code AgentBuilder} is not used: at its first use it
     * generates and loads a subclass of its transformer for Java 9 modules, about 0.4 s of the agent's 1.2 s start
     * (docs/performance.md); this one does what the agent used of it. The class is described from its bytes (a type
     * pool, cached per loader between flushes), decorated (ASM visitors on the original class, nothing added to its
     * format), and given a read edge to the probes' module when it is in a named module. Classes of the bootstrap and
     * platform loaders, classes the name filter excludes, loads nested in a transformation on the same thread, and
     * classes with nothing in scope are left alone; any failure is logged and leaves the class as it was.
     */
    private final class Transformer implements java.lang.instrument.ClassFileTransformer {
        /** Set while this thread transforms a class: class loads it causes are not transformed (no recursion). */
        private final ThreadLocal<Boolean> busy = new ThreadLocal<>();

        @Override
        public byte[] transform(Module module, ClassLoader loader, String internalName, Class<?> redefined,
                                java.security.ProtectionDomain pd, byte[] classFile) {
            if (internalName == null || classFile == null || loader == null || loader == PLATFORM_LOADER
                    || busy.get() != null) {
                return null;
            }
            String name = internalName.replace('/', '.');
            if (!filter.mayInstrumentClass(name)) {
                return null;
            }
            busy.set(Boolean.TRUE);
            cpu.transformStarted();
            try {
                net.bytebuddy.dynamic.ClassFileLocator classFiles = new net.bytebuddy.dynamic.ClassFileLocator.Compound(
                        net.bytebuddy.dynamic.ClassFileLocator.Simple.of(name, classFile),
                        net.bytebuddy.dynamic.ClassFileLocator.ForClassLoader.of(loader));
                locator.set(classFiles);
                net.bytebuddy.pool.TypePool pool = pools.typePool(classFiles, loader, name);
                net.bytebuddy.pool.TypePool.Resolution resolution = pool.describe(name);
                if (!resolution.isResolved()) {
                    return null;
                }
                TypeDescription type = resolution.resolve();
                if (!typeMatcher.matches(type) || !seesRuntime(loader)) {
                    return null;
                }
                DynamicType.Unloaded<?> made = decorate(byteBuddy.decorate(type, classFiles), type, classFile)
                        .make(net.bytebuddy.dynamic.TypeResolutionStrategy.Passive.INSTANCE, pool);
                byte[] instrumented = made.getBytes();
                readEdgeToProbes(module);
                transformedTypes.incrementAndGet();
                transformedNames.add(name);
                checkLimits(name, made);
                return instrumented;
            } catch (Throwable t) {
                errors.incrementAndGet();
                log.warn("not instrumented: " + name + " (" + t + ")", t);
                return null;
            } finally {
                cpu.transformEnded();
                locator.remove(); // the class's bytes and loader are not kept past its transformation
                originalSizes.remove();
                busy.remove();
            }
        }
    }

    /**
     * Lets a class in a named module link to the probes' module (advice inlined into it calls {@link Probe}), where it
     * cannot read it yet (a {@code -javaagent}'s unnamed module is readable by every module already; Byte Buddy's
     * {@code assureReadEdgeTo} did the same).
     */
    private void readEdgeToProbes(Module module) {
        Module probes = Probe.class.getModule();
        if (module != null && module.isNamed() && !module.canRead(probes)) {
            instrumentation.redefineModule(module, java.util.Set.of(probes), java.util.Map.of(), java.util.Map.of(),
                    java.util.Set.of(), java.util.Map.of());
        }
    }

    /** Loaded classes the transformer may change that {@code which} accepts. */
    private static java.util.List<Class<?>> loadedClasses(Instrumentation inst,
                                                          java.util.function.Predicate<Class<?>> which) {
        java.util.List<Class<?>> out = new java.util.ArrayList<>();
        for (Class<?> c : inst.getAllLoadedClasses()) {
            ClassLoader l = c.getClassLoader();
            if (l != null && l != PLATFORM_LOADER && !c.isArray() && !c.isPrimitive() && inst.isModifiableClass(c)
                    && which.test(c)) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * Retransforms classes in batches; a batch that fails is logged and counted as errors, and the other batches go
     * on (one class that cannot be changed must not keep the rest as they are).
     */
    private void retransform(Instrumentation inst, java.util.List<Class<?>> classes) {
        for (int from = 0; from < classes.size(); from += RETRANSFORM_BATCH) {
            java.util.List<Class<?>> batch = classes.subList(from, Math.min(classes.size(), from + RETRANSFORM_BATCH));
            try {
                inst.retransformClasses(batch.toArray(new Class<?>[0]));
            } catch (Throwable t) {
                errors.incrementAndGet();
                log.warn("retransformation of " + batch.size() + " classes failed: " + t, t);
            }
        }
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

    /** Removes the transformer and restores the original code of every class it transformed. */
    void reset(Instrumentation inst) {
        if (transformer != null) {
            inst.removeTransformer(transformer);
            transformer = null;
            retransform(inst, loadedClasses(inst, c -> transformedNames.contains(c.getName())));
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
}
