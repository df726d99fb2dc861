package dev.oxidizer.patterns;

import java.util.List;

final class SidecarEmitter {
    SidecarEmitter(SidecarSpec spec) {
    }

    List<GeneratedFile> files() {
        throw new UnsupportedOperationException("pattern not implemented yet");
    }
}
