package dev.hardock.lsp;

import dev.hardock.model.SourceKind;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.DiagnosticRegistrationOptions;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesRegistrationOptions;
import org.eclipse.lsp4j.FileSystemWatcher;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Registration;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * hardock's language server: the open documents, their last lint, and one lint thread. An edit schedules a
 * lint of its document unless one is already waiting (edits that arrive while one waits or runs are taken
 * by the next lint: a burst of keystrokes costs one or two lints, never one per key); the lint reads the
 * newest text, publishes its diagnostics with the version they belong to, and schedules the open compose
 * files that build an edited Dockerfile.
 */
public final class HardockServer implements LanguageServer, LanguageClientAware {
  /** Milliseconds an edit waits for the next before its lint starts (initializationOptions.debounceMs). */
  private volatile long debounceMs;

  final Map<String, OpenDocument> docs = new ConcurrentHashMap<>();
  final Map<String, Workspace.Linted> results = new ConcurrentHashMap<>();
  private final Set<String> pending = ConcurrentHashMap.newKeySet();
  final ScheduledThreadPoolExecutor worker;
  final Workspace workspace;
  private final DocumentService documents = new DocumentService(this);
  private final Workspaces workspaceService = new Workspaces();
  private volatile LanguageClient client;
  private volatile boolean snippets;
  private volatile boolean shutdown;
  final CompletableFuture<Integer> exited = new CompletableFuture<>();

  /** Lints run so far (tests count work instead of timing it). */
  final java.util.concurrent.atomic.AtomicLong lints = new java.util.concurrent.atomic.AtomicLong();

  private final String version;

  public HardockServer(String version, long debounceMs) {
    this.version = version;
    this.debounceMs = debounceMs;
    this.worker =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              // the engine's lint threads have 16 MB stacks for deep input: so does this one
              Thread t = new Thread(null, r, "hardock-lsp-lint", 16L * 1024 * 1024);
              t.setDaemon(true);
              return t;
            });
    worker.setRemoveOnCancelPolicy(true);
    this.workspace = new Workspace(m -> log(MessageType.Error, m), System.getenv());
  }

  @Override
  public void connect(LanguageClient client) {
    this.client = client;
  }

  @Override
  public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
    if (params.getWorkspaceFolders() != null) {
      for (WorkspaceFolder f : params.getWorkspaceFolders()) addFolder(f.getUri());
    } else if (params.getRootUri() != null) {
      addFolder(params.getRootUri());
    }
    ClientCapabilities caps = params.getCapabilities();
    snippets =
        caps != null
            && caps.getWorkspace() != null
            && caps.getWorkspace().getWorkspaceEdit() != null
            && Boolean.TRUE.equals(caps.getWorkspace().getWorkspaceEdit().getSnippetEditSupport());
    if (params.getInitializationOptions() instanceof com.google.gson.JsonObject o
        && o.has("debounceMs")) {
      try {
        debounceMs = Math.max(0, Math.min(2000, o.get("debounceMs").getAsLong()));
      } catch (RuntimeException e) {
        log(MessageType.Warning, "initializationOptions.debounceMs is not a number: ignored");
      }
    }
    ServerCapabilities c = new ServerCapabilities();
    TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
    sync.setOpenClose(true);
    sync.setChange(TextDocumentSyncKind.Incremental);
    c.setTextDocumentSync(sync);
    c.setHoverProvider(true);
    CodeActionOptions actions =
        new CodeActionOptions(List.of(CodeActionKind.QuickFix, CodeActions.FIX_ALL));
    c.setCodeActionProvider(actions);
    DiagnosticRegistrationOptions pull = new DiagnosticRegistrationOptions(true, false);
    pull.setIdentifier(Conversions.SOURCE);
    c.setDiagnosticProvider(pull);
    org.eclipse.lsp4j.WorkspaceFoldersOptions folders =
        new org.eclipse.lsp4j.WorkspaceFoldersOptions();
    folders.setSupported(true);
    folders.setChangeNotifications(true);
    c.setWorkspace(new org.eclipse.lsp4j.WorkspaceServerCapabilities(folders));
    return CompletableFuture.completedFuture(
        new InitializeResult(c, new ServerInfo("hardock", version)));
  }

  private void addFolder(String uri) {
    Path p = pathOf(uri);
    if (p != null) workspace.addFolder(p);
  }

  @Override
  public void initialized(InitializedParams params) {
    // .hardock.yaml is re-read when it changes: ask the client to tell us (clients without dynamic
    // registration may still send the notification, which is handled the same way)
    LanguageClient c = client;
    if (c == null) return;
    DidChangeWatchedFilesRegistrationOptions opts =
        new DidChangeWatchedFilesRegistrationOptions(
            List.of(new FileSystemWatcher(Either.forLeft("**/.hardock.yaml"))));
    c.registerCapability(
            new RegistrationParams(
                List.of(
                    new Registration("hardock-config", "workspace/didChangeWatchedFiles", opts))))
        .exceptionally(e -> null);
  }

  @Override
  public CompletableFuture<Object> shutdown() {
    shutdown = true;
    return CompletableFuture.supplyAsync(() -> null, worker);
  }

  @Override
  public void exit() {
    // what is queued (a lint, the answer to shutdown) is finished first, for a bounded while
    worker.shutdown();
    try {
      if (!worker.awaitTermination(5, TimeUnit.SECONDS)) worker.shutdownNow();
    } catch (InterruptedException e) {
      worker.shutdownNow();
      Thread.currentThread().interrupt();
    }
    exited.complete(shutdown ? 0 : 1);
  }

  @Override
  public TextDocumentService getTextDocumentService() {
    return documents;
  }

  @Override
  public WorkspaceService getWorkspaceService() {
    return workspaceService;
  }

  boolean snippets() {
    return snippets;
  }

  /** The path of a file: URI, or null for a document that is no file (untitled:, git:). */
  static Path pathOf(String uri) {
    try {
      URI u = new URI(uri);
      if (!"file".equalsIgnoreCase(u.getScheme())) return null;
      return Path.of(u).toAbsolutePath().normalize();
    } catch (Exception e) {
      return null;
    }
  }

  /** Schedules a lint of a document unless one is already waiting. */
  void schedule(String uri) {
    if (shutdown || !pending.add(uri)) return;
    try {
      worker.schedule(
          () -> {
            pending.remove(uri);
            publish(uri);
          },
          debounceMs,
          TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      pending.remove(uri);
    }
  }

  /** On the lint thread: lints the newest text of a document and publishes it. */
  private void publish(String uri) {
    OpenDocument d = docs.get(uri);
    if (d == null) return;
    Workspace.Linted l = current(d);
    LanguageClient c = client;
    if (c != null && docs.get(uri) == d) {
      c.publishDiagnostics(
          new PublishDiagnosticsParams(uri, Conversions.diagnostics(l.findings()), l.version()));
    }
    if (l.kind() == SourceKind.DOCKERFILE) refreshBuilders(d.path, uri);
  }

  /**
   * HD119 and friends read the Dockerfile a compose service builds: the open compose files that build it are
   * linted again when its buffer changes (or closes, and the disk is read instead).
   */
  private void refreshBuilders(Path dockerfile, String except) {
    List<String> dependents = new ArrayList<>();
    for (Map.Entry<String, Workspace.Linted> e : results.entrySet()) {
      if (!e.getKey().equals(except) && e.getValue().builds().contains(dockerfile))
        dependents.add(e.getKey());
    }
    for (String other : dependents) {
      results.remove(other); // its text is unchanged, its lint is not
      schedule(other);
    }
  }

  /** On the lint thread: the lint of the document's current text, from the cache when it is up to date. */
  Workspace.Linted current(OpenDocument d) {
    String text;
    int version;
    synchronized (d) {
      text = d.text();
      version = d.version();
    }
    Workspace.Linted l = results.get(d.uri);
    if (l != null && l.version() == version && l.text().equals(text)) return l;
    lints.incrementAndGet();
    try {
      l = workspace.lint(d, text, version);
    } catch (RuntimeException | StackOverflowError e) {
      // the engine reports its own failures as HD001; whatever escapes it must not end the server
      log(MessageType.Error, "internal error while linting " + d.uri + ": " + e);
      l = new Workspace.Linted(version, d.path, d.path.toString(), null, text, List.of(), Set.of());
    }
    if (docs.get(d.uri) == d) results.put(d.uri, l);
    return l;
  }

  /** Every open document is linted again (the configuration changed). */
  void relintAll() {
    workspace.configChanged();
    for (String uri : new ArrayList<>(docs.keySet())) {
      results.remove(uri);
      schedule(uri);
    }
  }

  void closed(String uri) {
    OpenDocument d = docs.remove(uri);
    results.remove(uri);
    if (d != null) refreshBuilders(d.path, uri);
    LanguageClient c = client;
    if (c != null) c.publishDiagnostics(new PublishDiagnosticsParams(uri, List.of()));
  }

  void log(MessageType type, String message) {
    LanguageClient c = client;
    String line = "hardock: " + dev.hardock.report.Visible.line(message);
    System.err.println(line);
    if (c != null) c.logMessage(new MessageParams(type, line));
  }

  /** How many things the server holds (documents, lints, waiting lints, queued tasks): flat over any number of edits. */
  int retained() {
    return docs.size()
        + results.size()
        + pending.size()
        + worker.getQueue().size()
        + workspace.buffers.size();
  }

  private final class Workspaces implements WorkspaceService {
    @Override
    public void didChangeConfiguration(DidChangeConfigurationParams params) {
      relintAll();
    }

    @Override
    public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
      relintAll();
    }

    @Override
    public void didChangeWorkspaceFolders(
        org.eclipse.lsp4j.DidChangeWorkspaceFoldersParams params) {
      var event = params.getEvent();
      if (event == null) return;
      if (event.getRemoved() != null) {
        for (WorkspaceFolder f : event.getRemoved()) {
          Path p = pathOf(f.getUri());
          if (p != null) workspace.removeFolder(p);
        }
      }
      if (event.getAdded() != null)
        for (WorkspaceFolder f : event.getAdded()) addFolder(f.getUri());
      // the project root of open files may have changed
      relintAll();
    }
  }
}
