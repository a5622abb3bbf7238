package io.triage.classify.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Set;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code train} and {@code evaluate} without starting the service:
 * <pre>
 * java -jar classify-service-exec.jar evaluate --data tickets.csv [--test other.csv] [--column category=department]
 *      [--c 10] [--max-iter 1000] [--target-precision 0.95] [--seed 42] [--sentence-encoder none]
 *      [--novelty-share 0.01]
 *      [--report r.md] [--json r.json]
 * java -jar classify-service-exec.jar train --data tickets.csv --out model.bin [same options]
 * </pre>
 * The same from the library alone: {@code java -cp <classify-model and its dependencies>
 * io.triage.classify.cli.ModelCommandLine train ...}. {@code train} also writes {@code model.bin.sha256}, the checksum
 * the registry and loader verify. {@code --help} after either command lists its options.
 */
@Command(name = "classify-model", subcommands = {EvaluateCommand.class, TrainCommand.class},
        description = "Trains and evaluates the ML tier's model on a labelled CSV or JSON Lines file.")
public final class ModelCommandLine {

    /** Exit code of a run that went through. */
    static final int OK = 0;
    /** Exit code of bad options or unusable data, after a message on standard error. */
    static final int BAD_INPUT = 2;

    private static final Set<String> COMMANDS = Set.of("train", "evaluate");

    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT,
            description = "Show this help and exit.")
    boolean help;

    private ModelCommandLine() {
    }

    /** Whether the arguments ask for this command line rather than the service: {@code train} or {@code evaluate}. */
    public static boolean handles(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    /** Runs the command; returns the process exit code (0 ok, 2 bad options or unusable data). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return new CommandLine(new ModelCommandLine())
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }
}
