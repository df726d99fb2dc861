package dev.oxidizer.stubgen;

import java.util.List;

/**
 * An expected failure of the generator: bad input (unknown class or method, ambiguous overload), a signature
 * that cannot cross to Rust, or a refusal to write. Each problem is one line naming what was wrong and what is
 * accepted. Nothing has been written when this is thrown.
 */
public final class GeneratorException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What kind of failure, so a front-end can map it to an exit code. */
    public enum Kind {
        /** The input could not be read or does not name a method (unknown class, no such method, ambiguity). */
        BAD_INPUT,
        /** The method's signature cannot cross to Rust. */
        UNSUPPORTED,
        /** Writing was refused (a user-edited file, a path outside the output folder). */
        REFUSED,
        /** An external tool (cargo) failed or is missing. */
        TOOL_FAILED
    }

    private final Kind kind;
    private final List<String> problems;

    public GeneratorException(Kind kind, List<String> problems) {
        super(String.join("\n", problems));
        this.kind = kind;
        this.problems = List.copyOf(problems);
    }

    public GeneratorException(Kind kind, String problem) {
        this(kind, List.of(problem));
    }

    public Kind kind() {
        return kind;
    }

    /** One line per problem. */
    public List<String> problems() {
        return problems;
    }
}
