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

/** HD308: EXPOSE of TCP port 22 (SSH), directly, in a range, or through a variable with a known value. */
@RuleInfo(
    id = "HD308",
    slug = "expose-ssh",
    severity = Severity.WARNING,
    appliesTo = SourceKind.DOCKERFILE)
public final class ExposeSsh extends Rule {
  @Override
  public void check(Instruction instruction, Stage stage, ImageBuild build) {
    if (!(instruction instanceof Instruction.Expose expose)) return;
    for (Text port : expose.ports()) {
      String value = build.variables().expand(port.value(), instruction);
      if (value == null) continue;
      PortSpec spec = PortSpec.parse(value).spec();
      if (spec == null || !spec.protocol().equals("tcp") || !spec.contains(22)) continue;
      String shown = value.equals(port.value()) ? port.value() : port.value() + " (" + value + ")";
      report(
          port.span(),
          "EXPOSE " + shown + (spec.isRange() ? " includes" : " is") + " port 22 (SSH)",
          "run no SSH server in a container, use docker exec to get a shell");
    }
  }
}
