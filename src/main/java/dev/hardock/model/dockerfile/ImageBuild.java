package dev.hardock.model.dockerfile;

import dev.hardock.model.SourceFile;
import java.util.List;

/**
 * A parsed Dockerfile: parser directives, the ARGs declared before the first FROM, the stages, every
 * instruction in file order (also those a problem left outside any stage), and what each FROM, COPY --from and
 * RUN --mount from= names (a stage or an image), in file order. The last stage is the image that is shipped.
 */
public record ImageBuild(
    SourceFile file,
    char escape,
    List<Instruction.Arg> globalArgs,
    List<Stage> stages,
    List<Instruction> instructions,
    Variables variables,
    List<FromReference> references) {
  public Stage finalStage() {
    return stages.isEmpty() ? null : stages.get(stages.size() - 1);
  }
}
