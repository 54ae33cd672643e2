package io.kava.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code kava} command. */
@Command(name = "kava", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Kava: a Kubernetes-compatible container orchestrator.",
        subcommands = {ServerCommand.class, VersionCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (tests call this). */
    public static int run(String... args) {
        var cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            // Users get one line, never a stack trace.
            commandLine.getErr().println("kava: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
