package io.triage.audit.checkpoint;

import java.io.IOException;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.azure.core.util.BinaryData;
import io.triage.audit.blob.WriteOnceContainer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The checkpoint mirror as an Azure Blob container: one blob per checkpoint ({@code checkpoint-<id>.json}, the same
 * JSON as the directory mirror), created with {@code If-None-Match: *} and, where the container has version-level
 * immutability, under a legal hold, so that neither a database administrator nor the service itself can rewrite a
 * checkpoint unseen. Shared by every replica.
 */
public class BlobCheckpointMirror implements CheckpointMirror {

    private static final Pattern NAME = Pattern.compile("checkpoint-(\\d{19})\\.json");

    private final WriteOnceContainer container;
    private final JsonMapper json;

    public BlobCheckpointMirror(WriteOnceContainer container, JsonMapper json) {
        this.container = container;
        this.json = json;
    }

    @Override
    public void write(Checkpoint checkpoint) throws IOException {
        if (container.create(name(checkpoint.id()), BinaryData.fromBytes(json.writeValueAsBytes(checkpoint)))) {
            return;
        }
        if (!checkpoint.equals(read(checkpoint.id()).orElse(null))) {
            throw new IOException("the mirror already holds a different checkpoint " + checkpoint.id());
        }
    }

    @Override
    public Optional<Checkpoint> read(long id) throws IOException {
        return container.read(name(id)).map(bytes -> json.readValue(bytes, Checkpoint.class));
    }

    @Override
    public SortedSet<Long> ids() throws IOException {
        SortedSet<Long> ids = new TreeSet<>();
        for (String name : container.names("checkpoint-")) {
            Matcher matcher = NAME.matcher(name);
            if (matcher.matches()) {
                ids.add(Long.parseLong(matcher.group(1)));
            }
        }
        return ids;
    }

    @Override
    public String location() {
        return container.url();
    }

    private static String name(long id) {
        return "checkpoint-%019d.json".formatted(id);
    }
}
