package dev.oxidizer.autoport;

import java.util.List;

/**
 * A translated method.
 *
 * @param rust          Rust items: the entry function (named as asked, with the signature of {@link AutoPorter.Entry})
 *                      followed by the application methods it calls; they use the {@code jrt} module
 *                      ({@link AutoPorter#runtimeSource()}) and {@code crate::ffi::{PortError, JavaException}}
 * @param paramWritten  per declared parameter: whether the method (or a method it calls) writes into that array
 * @param methods       the translated methods, entry first, as {@code pkg.Class#name(desc)}
 * @param approximate   whether it calls JDK math whose results may differ within the declared ulps (exp, log, sin...)
 * @param nullGuards    what the Java method does first for a null parameter, for the wrapper to do before the call
 *                      (the translated code never sees null), in Java's order
 * @param charTables    the module {@code jchar} ({@code src/jchar.rs}: the {@code Character} tables the code uses,
 *                      {@link CharTables}), or null when it uses none
 * @param applicationExceptions the application exceptions the code throws, by site index, for the wrapper to construct
 * @param handBack      how the wrapper may hand a call to the Java method instead
 */
public record AutoPort(String rust, List<Boolean> paramWritten, List<String> methods, boolean approximate, List<NullGuard> nullGuards,
                       String charTables, List<ApplicationException> applicationExceptions, HandBack handBack) {
    /**
     * When the wrapper runs the Java method instead of the port.
     *
     * @param defaultLocale the code depends on the default locale ({@code toUpperCase()}): the wrapper hands calls made
     *                      while it is Turkish, Azeri or Lithuanian to Java
     * @param deferred      the port may hand a call back ({@code jrt::defer}, status 28) when an input is outside what
     *                      the translation covers; it then has written nothing the caller sees
     */
    public record HandBack(boolean defaultLocale, boolean deferred) {
        public static final HandBack NONE = new HandBack(false, false);

        public boolean any() {
            return defaultLocale || deferred;
        }
    }

    public AutoPort {
        handBack = handBack == null ? HandBack.NONE : handBack;
        applicationExceptions = List.copyOf(applicationExceptions);
        paramWritten = List.copyOf(paramWritten);
        nullGuards = List.copyOf(nullGuards);
        methods = List.copyOf(methods);
    }
}
