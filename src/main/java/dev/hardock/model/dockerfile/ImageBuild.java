package dev.hardock.model.dockerfile;

import dev.hardock.model.SourceFile;
import java.util.List;

/**
 * A parsed Dockerfile: parser directives, the ARGs declared before the first FROM,, the stages, and every
 * instruction in file order (also those a problem left outside any stage). The last
 * stage is the image that is shipped.
 */
public record ImageBuild(SourceFile file, char escape, List<Instruction.Arg> globalArgs, List<Stage> stages,
    List<Instruction> instructions, Variables variables) {
  public Stage finalStage() {
    return stages.isEmpty() ? null : stages.get(stages.size() - 1);
  }
}
