package dev.hardock.lsp;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * A real LSP4J client connected to a real server over piped streams (the protocol's JSON-RPC in between, as
 * with an editor). Diagnostics are collected per URI; {@link #awaitDiagnostics} waits for the version asked.
 */
final class TestClient implements LanguageClient, AutoCloseable {
  final HardockServer server;
  final LanguageServer remote;
  final Map<String, LinkedBlockingQueue<PublishDiagnosticsParams>> published =
      new ConcurrentHashMap<>();
  final List<String> logs = java.util.Collections.synchronizedList(new ArrayList<>());
  final CompletableFuture<Integer> ended = new CompletableFuture<>();
  private final java.io.OutputStream toServer;
  private final java.io.OutputStream toClient;

  TestClient(Path folder) throws Exception {
    this(folder, new ClientCapabilities());
  }

  TestClient(Path folder, ClientCapabilities caps) throws Exception {
    Pipe up = new Pipe();
    Pipe down = new Pipe();
    toServer = up.out;
    toClient = down.out;
    var serverIn = up.in;
    var clientIn = down.in;
    server = new HardockServer("test", 0);
    Launcher<LanguageClient> sl = LSPLauncher.createServerLauncher(server, serverIn, toClient);
    server.connect(sl.getRemoteProxy());
    var listening = sl.startListening();
    Thread t =
        new Thread(
            () -> {
              try {
                listening.get();
              } catch (Exception e) {
                // closed
              }
              server.exit();
            });
    t.setDaemon(true);
    t.start();
    server.exited.thenAccept(ended::complete);
    Launcher<LanguageServer> cl = LSPLauncher.createClientLauncher(this, clientIn, toServer);
    cl.startListening();
    remote = cl.getRemoteProxy();
    InitializeParams init = new InitializeParams();
    init.setCapabilities(caps);
    init.setWorkspaceFolders(List.of(new WorkspaceFolder(folder.toUri().toString(), "ws")));
    remote.initialize(init).get(30, TimeUnit.SECONDS);
    remote.initialized(new InitializedParams());
  }

  static String uri(Path p) {
    return p.toAbsolutePath().normalize().toUri().toString();
  }

  String open(Path file, String languageId, String text) {
    String uri = uri(file);
    remote
        .getTextDocumentService()
        .didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, languageId, 1, text)));
    return uri;
  }

  void change(String uri, int version, Range range, String text) {
    TextDocumentContentChangeEvent c =
        range == null
            ? new TextDocumentContentChangeEvent(text)
            : new TextDocumentContentChangeEvent(range, text);
    remote
        .getTextDocumentService()
        .didChange(
            new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri, version), List.of(c)));
  }

  static Range at(int line, int ch, int endLine, int endCh) {
    return new Range(new Position(line, ch), new Position(endLine, endCh));
  }

  /** The first diagnostics published for the URI at or after {@code version} (60 s at most: a loaded machine). */
  PublishDiagnosticsParams awaitDiagnostics(String uri, int version) throws InterruptedException {
    LinkedBlockingQueue<PublishDiagnosticsParams> q = queue(uri);
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      PublishDiagnosticsParams p = q.poll(100, TimeUnit.MILLISECONDS);
      if (p != null && (p.getVersion() == null || p.getVersion() >= version)) return p;
    }
    throw new AssertionError("no diagnostics for " + uri + " at version " + version);
  }

  /** The first diagnostics published for the URI that satisfy {@code wanted} (60 s at most). */
  PublishDiagnosticsParams awaitMatching(
      String uri, java.util.function.Predicate<PublishDiagnosticsParams> wanted)
      throws InterruptedException {
    LinkedBlockingQueue<PublishDiagnosticsParams> q = queue(uri);
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    PublishDiagnosticsParams last = null;
    while (System.nanoTime() < deadline) {
      PublishDiagnosticsParams p = q.poll(100, TimeUnit.MILLISECONDS);
      if (p != null && wanted.test(p)) return p;
      if (p != null) last = p;
    }
    throw new AssertionError("no such diagnostics for " + uri + "; the last: " + last);
  }

  LinkedBlockingQueue<PublishDiagnosticsParams> queue(String uri) {
    return published.computeIfAbsent(uri, k -> new LinkedBlockingQueue<>());
  }

  /** Applies text edits to a text as an editor does (all positions refer to the text before the edits). */
  static String apply(String text, List<TextEdit> edits) {
    List<TextEdit> sorted = new ArrayList<>(edits);
    sorted.sort(
        (a, b) -> {
          int c =
              Integer.compare(b.getRange().getStart().getLine(), a.getRange().getStart().getLine());
          return c != 0
              ? c
              : Integer.compare(
                  b.getRange().getStart().getCharacter(), a.getRange().getStart().getCharacter());
        });
    String t = text;
    for (TextEdit e : sorted) {
      int from = OpenDocument.offset(t, e.getRange().getStart());
      int to = OpenDocument.offset(t, e.getRange().getEnd());
      t = t.substring(0, from) + e.getNewText() + t.substring(to);
    }
    return t;
  }

  @Override
  public void publishDiagnostics(PublishDiagnosticsParams p) {
    queue(p.getUri()).add(p);
  }

  @Override
  public void telemetryEvent(Object object) {}

  @Override
  public void showMessage(MessageParams m) {
    logs.add(m.getMessage());
  }

  @Override
  public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams r) {
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void logMessage(MessageParams m) {
    logs.add(m.getMessage());
  }

  @Override
  public CompletableFuture<Void> registerCapability(RegistrationParams params) {
    return CompletableFuture.completedFuture(null);
  }

  /** Ends the conversation as an editor does: shutdown, exit; the server's exit code. */
  int shutdown() throws Exception {
    remote.shutdown().get(30, TimeUnit.SECONDS);
    remote.exit();
    return ended.get(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws IOException {
    toServer.close();
    toClient.close();
  }
}
