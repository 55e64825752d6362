package dev.improview.platform;

import java.util.concurrent.ThreadFactory;

/** Background threads that never keep the JVM alive, named for thread dumps. */
public final class DaemonThreads {

  private DaemonThreads() {}

  /** A factory of daemon threads all called {@code name}. */
  public static ThreadFactory named(String name) {
    return runnable -> {
      var thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
