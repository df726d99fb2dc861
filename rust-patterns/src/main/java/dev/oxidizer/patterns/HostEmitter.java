package dev.oxidizer.patterns;

import java.util.List;

final class HostEmitter {
    HostEmitter(HostSpec spec) {
    }

    List<GeneratedFile> files() {
        throw new UnsupportedOperationException("pattern not implemented yet");
    }
}
