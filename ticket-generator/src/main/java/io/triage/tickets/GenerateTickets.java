package io.triage.tickets;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Command line: {@code java -cp ticket-generator.jar io.triage.tickets.GenerateTickets --count 1000 --seed 42
 * --out tickets.jsonl}. Writes JSONL, one ticket per line; without {@code --out} it writes to standard output.
 */
public final class GenerateTickets {

    private static final String USAGE = "usage: GenerateTickets --count N [--seed S] [--out FILE.jsonl]"
            + " [--typo-rate R] [--foreign-share R]";

    private GenerateTickets() {
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs the command; returns the process exit status (0 ok, 2 bad arguments). */
    static int run(String[] args, PrintStream stdout, PrintStream stderr) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            stderr.println(e.getMessage());
            stderr.println(USAGE);
            return 2;
        }
        TicketGenerator generator = new TicketGenerator(options.seed(),
                TicketMix.defaults().withTypoRate(options.typoRate()).withForeignLanguageShare(options.foreignShare()));
        Path file = options.out();
        try {
            if (file == null) {
                // Flushed, not closed: standard output belongs to the caller.
                Writer out = new BufferedWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8));
                write(generator, options.count(), out);
                out.flush();
            } else {
                try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    write(generator, options.count(), out);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write tickets", e);
        }
        if (file != null) {
            stderr.println("wrote " + options.count() + " tickets (seed " + options.seed() + ") to " + file);
        }
        return 0;
    }

    /** One ticket at a time, so a million tickets never sit in memory together. */
    private static void write(TicketGenerator generator, int count, Writer out) throws IOException {
        for (int i = 0; i < count; i++) {
            out.write(TicketJson.toJson(generator.next()));
            out.write('\n');
        }
    }

    /** Parsed command-line options; {@code out} is {@code null} for standard output. */
    record Options(int count, long seed, @Nullable Path out, double typoRate, double foreignShare) {

        static Options parse(String[] args) {
            Integer count = null;
            long seed = 42;
            Path out = null;
            double typoRate = TicketMix.defaults().typoRate();
            double foreignShare = TicketMix.defaults().foreignLanguageShare();
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value for " + name);
                }
                String value = args[++i];
                try {
                    switch (name) {
                        case "--count" -> count = Integer.parseInt(value);
                        case "--seed" -> seed = Long.parseLong(value);
                        case "--out" -> out = Path.of(value);
                        case "--typo-rate" -> typoRate = Double.parseDouble(value);
                        case "--foreign-share" -> foreignShare = Double.parseDouble(value);
                        default -> throw new IllegalArgumentException("unknown option " + name);
                    }
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("not a number for " + name + ": " + value, e);
                }
            }
            if (count == null || count < 0) {
                throw new IllegalArgumentException("--count is required and must be >= 0");
            }
            if (!(typoRate >= 0 && typoRate <= 1) || !(foreignShare >= 0 && foreignShare <= 1)) {
                throw new IllegalArgumentException("--typo-rate and --foreign-share must be in [0, 1]");
            }
            return new Options(count, seed, out, typoRate, foreignShare);
        }
    }
}
