package io.kava.cli;

import picocli.CommandLine.Command;

@Command(name = "version", description = "Print the Kava version.")
final class VersionCommand implements Runnable {
    @Override
    public void run() {
        System.out.println(new VersionProvider().getVersion()[0]);
    }
}
