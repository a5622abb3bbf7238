package io.triage.audit.checkpoint;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class DirectoryCheckpointMirrorTests implements CheckpointMirrorContract {

    @TempDir
    Path directory;

    CheckpointMirror mirror;

    @BeforeEach
    void newMirror() {
        mirror = new DirectoryCheckpointMirror(directory.resolve("mirror"), JsonMapper.builder().build());
    }

    @Override
    public CheckpointMirror mirror() {
        return mirror;
    }
}
