package dev.hardock.model.dockerfile;

import dev.hardock.model.Text;
import java.util.List;

/**
 * A build stage: its FROM, its instructions (FROM excluded), and the earlier stage it builds on when its FROM
 * names one ({@code FROM build AS final}), else null.
 */
public record Stage(
    int index, Instruction.From from, List<Instruction> instructions, Stage parent) {
  /** The alias given with AS, or null. */
  public String name() {
    Text alias = from.alias();
    return alias == null ? null : alias.value();
  }

  public <T extends Instruction> List<T> all(Class<T> type) {
    return instructions.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** The last instruction of that type in this stage, or null. */
  public <T extends Instruction> T last(Class<T> type) {
    for (int i = instructions.size() - 1; i >= 0; i--) {
      if (type.isInstance(instructions.get(i))) return type.cast(instructions.get(i));
    }
    return null;
  }
}
