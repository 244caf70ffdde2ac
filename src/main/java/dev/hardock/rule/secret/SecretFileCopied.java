package dev.hardock.rule.secret;

import dev.hardock.model.SensitivePaths;
import dev.hardock.model.SourceKind;
import dev.hardock.model.Text;
import dev.hardock.model.dockerfile.ImageBuild;
import dev.hardock.model.dockerfile.Instruction;
import dev.hardock.model.dockerfile.KeyValue;
import dev.hardock.model.dockerfile.Stage;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * HD318: COPY or ADD of a file that holds credentials by convention (key, dotenv, credentials file), or, in the
 * shipped image, of a file to the path a credential-file variable names ({@code GOOGLE_APPLICATION_CREDENTIALS},
 * {@code AWS_CONFIG_FILE}...), or to a destination written with such a variable.
 */
@RuleInfo(
    id = "HD318",
    slug = "secret-file-copied",
    severity = Severity.ERROR,
    appliesTo = SourceKind.DOCKERFILE)
public final class SecretFileCopied extends Rule {
  @Override
  public void check(Instruction instruction, Stage stage, ImageBuild build) {
    if (!(instruction instanceof Instruction.Copy copy)) return;
    for (Text source : copy.sources()) {
      String raw = source.value();
      if (raw.startsWith("<<") || raw.contains("://") || raw.startsWith("git@")) continue;
      String path = build.variables().expand(raw, instruction);
      if (path == null) continue;
      String kind = SecretFiles.kind(path);
      if (kind == null) continue;
      String shown = path.equals(raw) ? raw : raw + " (" + path + ")";
      report(
          source.span(),
          copy.keyword()
              + " "
              + shown
              + " puts "
              + kind
              + " into an image layer, readable by anyone"
              + " who can pull the image",
          "mount it at build time with RUN --mount=type=secret (or ssh) instead");
    }
  }

  /** A credential-file variable set in the shipped image, with the absolute path it names. */
  private record CredentialPath(String variable, String path, Instruction where) {}

  /**
   * A COPY of the shipped image and where its sources land, absolute: a file's own path, or for a directory
   * source ({@code .}, {@code src/}, a name without extension) the directory everything lands under.
   */
  private record Copied(Instruction.Copy copy, List<String> files, List<String> directories) {}

  @Override
  public void check(ImageBuild build) {
    List<Stage> chain = new ArrayList<>();
    for (Stage s = build.finalStage(); s != null; s = s.parent()) chain.add(0, s);
    List<CredentialPath> credentials = new ArrayList<>();
    List<Copied> copies = new ArrayList<>();
    String workdir = "/";
    for (Stage s : chain) {
      for (Instruction i : s.instructions()) {
        if (i instanceof Instruction.Workdir w) {
          String p = build.variables().expand(w.path().value(), w);
          workdir =
              p == null
                  ? null
                  : workdir == null && !p.startsWith("/") ? null : absolute(p, workdir);
        } else if (i instanceof Instruction.Env env) {
          credentials(env.pairs(), i, workdir, build, credentials);
        } else if (i instanceof Instruction.Arg arg) {
          credentials(arg.args(), i, workdir, build, credentials);
        } else if (i instanceof Instruction.Copy copy && copy.destination() != null) {
          String raw = copy.destination().value();
          for (String v : SecretFiles.CREDENTIAL_FILE_VARIABLES) {
            if (raw.contains("$" + v) || raw.contains("${" + v + "}")) {
              report(
                  copy.destination().span(),
                  copy.keyword()
                      + " to "
                      + raw
                      + ", the credential file "
                      + v
                      + " names, puts a credential into an image layer",
                  "mount it with RUN --mount=type=secret,target=... instead");
              raw = null;
              break;
            }
          }
          if (raw == null) continue;
          String d = build.variables().expand(raw, i);
          if (d == null || (workdir == null && !d.startsWith("/"))) continue;
          copies.add(
              landing(
                  copy,
                  absolute(d, workdir),
                  d.endsWith("/") || d.equals(".") || copy.sources().size() > 1));
        }
      }
    }
    for (Copied c : copies) {
      for (CredentialPath cred : credentials) {
        if (!lands(c, cred)) continue;
        report(
            c.copy().destination().span(),
            c.copy().keyword()
                + " to "
                + c.copy().destination().value()
                + " puts the file "
                + cred.variable()
                + " names ("
                + cred.path()
                + ", line "
                + cred.where().span().line()
                + ") into an image"
                + " layer: that file is a credential whatever its name",
            "mount it with RUN --mount=type=secret or at run time");
        break;
      }
    }
  }

  private static Copied landing(Instruction.Copy copy, String dest, boolean intoDirectory) {
    List<String> files = new ArrayList<>();
    List<String> dirs = new ArrayList<>();
    String base = dest.endsWith("/") ? dest : dest + "/";
    boolean fromStage = false;
    for (dev.hardock.model.dockerfile.Flag f : copy.head().flags())
      fromStage |= f.name().equals("from");
    for (Text source : copy.sources()) {
      String v = source.value();
      String name = v.endsWith("/") ? "" : v.substring(v.lastIndexOf('/') + 1);
      boolean directory =
          name.isEmpty()
              || name.equals(".")
              || name.equals("..")
              || name.indexOf('*') >= 0
              || name.indexOf('$') >= 0
              || name.indexOf('.') < 0;
      if (directory) {
        // a whole directory from another stage (COPY --from=build /out /) is the build's output,
        // not the context's
        if (fromStage) continue;
        dirs.add(intoDirectory || name.isEmpty() || name.equals(".") ? base : base + name + "/");
      } else {
        files.add(intoDirectory ? base + name : dest);
      }
    }
    return new Copied(copy, files, dirs);
  }

  private static boolean lands(Copied c, CredentialPath cred) {
    boolean dockerConfig =
        cred.variable().equals("DOCKER_CONFIG"); // a directory holding config.json
    for (String f : c.files()) {
      if (f.equals(cred.path()) || dockerConfig && f.equals(cred.path() + "/config.json"))
        return true;
    }
    for (String d : c.directories()) {
      if (cred.path().startsWith(d) || dockerConfig && (cred.path() + "/").startsWith(d))
        return true;
      if (dockerConfig && d.startsWith(cred.path() + "/")) return true;
    }
    return false;
  }

  private static void credentials(
      List<KeyValue> pairs,
      Instruction at,
      String workdir,
      ImageBuild build,
      List<CredentialPath> out) {
    for (KeyValue kv : pairs) {
      if (kv.value() == null || !SecretFiles.CREDENTIAL_FILE_VARIABLES.contains(kv.key().value()))
        continue;
      String v = build.variables().expand(kv.value().value(), at);
      if (v == null) continue;
      for (String p : kv.key().value().equals("KUBECONFIG") ? v.split(":") : new String[] {v}) {
        p = p.strip();
        if (p.isEmpty() || p.startsWith("/run/secrets/") || (workdir == null && !p.startsWith("/")))
          continue;
        out.add(new CredentialPath(kv.key().value(), absolute(p, workdir), at));
      }
    }
  }

  /** {@code path} made absolute against {@code dir}, resolved as {@link SensitivePaths#normalize} does, keeping a trailing slash. */
  static String absolute(String path, String dir) {
    String n = SensitivePaths.normalize(path.startsWith("/") ? path : dir + "/" + path);
    return n + (path.endsWith("/") && !n.equals("/") ? "/" : "");
  }
}
