package dev.hardock.rule.build;

import dev.hardock.model.PortSpec;
import dev.hardock.model.SourceKind;
import dev.hardock.model.Text;
import dev.hardock.model.dockerfile.ImageBuild;
import dev.hardock.model.dockerfile.Instruction;
import dev.hardock.model.dockerfile.Stage;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;

/** HD321: an EXPOSE value that is no port, port range or port/protocol; unresolved variables are not judged. */
@RuleInfo(
    id = "HD321",
    slug = "expose-invalid-port",
    severity = Severity.ERROR,
    appliesTo = SourceKind.DOCKERFILE)
public final class ExposeInvalidPort extends Rule {
  @Override
  public void check(Instruction instruction, Stage stage, ImageBuild build) {
    if (!(instruction instanceof Instruction.Expose expose)) return;
    for (Text port : expose.ports()) {
      String value = build.variables().expand(port.value(), instruction);
      if (value == null) continue;
      String problem = PortSpec.parse(value).problem();
      if (problem == null) continue;
      String shown = value.equals(port.value()) ? port.value() : port.value() + " (" + value + ")";
      report(port.span(), "EXPOSE " + shown + ": " + problem);
    }
  }
}
