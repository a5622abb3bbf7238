package io.triage.classify.lifecycle.mlflow;

import org.mlflow_project.google.protobuf.InvalidProtocolBufferException;
import org.mlflow_project.google.protobuf.Message;
import org.mlflow_project.google.protobuf.MessageOrBuilder;
import org.mlflow_project.google.protobuf.util.JsonFormat;

/**
 * MLflow REST bodies from and to MLflow's own protobuf messages (shipped, with a relocated protobuf, inside the
 * client jar), printed and parsed the way the client does it itself: snake_case field names, unknown fields ignored.
 */
final class MlflowJson {

    private MlflowJson() {
    }

    static String print(MessageOrBuilder message) {
        try {
            return JsonFormat.printer().preservingProtoFieldNames().print(message);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("cannot write MLflow request " + message.getClass().getSimpleName(), e);
        }
    }

    /** Merges a response into the builder of its message and returns the builder. */
    static <B extends Message.Builder> B parse(String json, B builder) {
        try {
            JsonFormat.parser().ignoringUnknownFields().merge(json, builder);
            return builder;
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("unexpected MLflow response: " + e.getMessage(), e);
        }
    }
}
