package org.demarche.examples.cli;

/** Lets tests in other packages run the runner in-process. */
public final class DemarcheCliAccess {
  private DemarcheCliAccess() {}

  public static int run(String... args) {
    Cli.Result r = Cli.run(args);
    if (r.exitCode() != 0) {
      System.out.println(r.out());
      System.out.println(r.err());
    }
    return r.exitCode();
  }
}
