package io.triage.benchmarks.embedding;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

import com.sun.management.OperatingSystemMXBean;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.triage.embedding.model.MiniLmEncoder;
import io.triage.tickets.TicketGenerator;

/**
 * CPU per text of one MiniLM encode, steadier than throughput on a shared machine: the encoder's (thread CPU time,
 * it runs on the calling thread) and langchain4j's (process CPU time, since its session runs on its own threads too),
 * over the same 500 ticket texts after 100 warm-up texts, twice.
 *
 * <pre>java -cp benchmarks.jar io.triage.benchmarks.embedding.EncoderCpu</pre>
 */
public final class EncoderCpu {

    private static final int WARM_UP = 100;
    private static final int MEASURED = 500;

    private EncoderCpu() {
    }

    public static void main(String[] args) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        OperatingSystemMXBean process = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
        List<String> texts = new TicketGenerator(7).generate(WARM_UP + MEASURED).stream()
                .map(t -> t.subject() + ". " + t.description()).toList();
        AllMiniLmL6V2QuantizedEmbeddingModel langchain4j = new AllMiniLmL6V2QuantizedEmbeddingModel();
        try (MiniLmEncoder encoder = new MiniLmEncoder(MiniLmEncoder.STORED_MAX_TOKENS)) {
            for (int round = 0; round < 2; round++) {
                texts.subList(0, WARM_UP).forEach(encoder::encode);
                long cpu = threads.getCurrentThreadCpuTime();
                long wall = System.nanoTime();
                texts.subList(WARM_UP, texts.size()).forEach(encoder::encode);
                System.out.printf("encoder:     %.2f ms CPU per text (thread), %.2f ms wall%n",
                        (threads.getCurrentThreadCpuTime() - cpu) / (MEASURED * 1e6),
                        (System.nanoTime() - wall) / (MEASURED * 1e6));
                texts.subList(0, WARM_UP).forEach(langchain4j::embed);
                cpu = process.getProcessCpuTime();
                wall = System.nanoTime();
                texts.subList(WARM_UP, texts.size()).forEach(langchain4j::embed);
                System.out.printf("langchain4j: %.2f ms CPU per text (process), %.2f ms wall%n",
                        (process.getProcessCpuTime() - cpu) / (MEASURED * 1e6),
                        (System.nanoTime() - wall) / (MEASURED * 1e6));
            }
        }
    }
}
