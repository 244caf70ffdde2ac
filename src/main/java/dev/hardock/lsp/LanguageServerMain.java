package dev.hardock.lsp;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * {@code hardock lsp}: the language server on a pair of streams (stdin and stdout). Nothing but protocol
 * messages goes to {@code out}: while the server runs, {@code System.out} is stderr, so that no stray print
 * (ours or a library's) can corrupt the stream; logs go to stderr and {@code window/logMessage}. The server ends
 * on {@code exit} (code 0 after {@code shutdown}, 1 without, as the protocol says) or when its input closes (the
 * client died: code 1 unless it had asked for shutdown).
 */
public final class LanguageServerMain {
  private LanguageServerMain() {}

  public static int run(String version, InputStream in, OutputStream out, PrintStream err) {
    PrintStream stdout = System.out;
    System.setOut(err);
    try {
      long debounce = Long.getLong("hardock.lsp.debounceMs", 0L);
      HardockServer server = new HardockServer(version, debounce);
      Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(server, in, out);
      server.connect(launcher.getRemoteProxy());
      Future<Void> listening = launcher.startListening();
      Thread watch =
          new Thread(
              () -> {
                try {
                  listening.get();
                } catch (InterruptedException
                    | ExecutionException
                    | java.util.concurrent.CancellationException e) {
                  // the stream failed or closed: the client is gone either way
                }
                server.exit();
              },
              "hardock-lsp-input");
      watch.setDaemon(true);
      watch.start();
      int code = server.exited.join();
      listening.cancel(true);
      return code;
    } finally {
      System.setOut(stdout);
    }
  }
}
