/**
 * typedoc plugin: files every documented export under its pipeline stage (`@category`), from the
 * folder of the source file that declares it — so the API reference reads framework → assessment
 * → scoring → analysis → presentation → errors without a tag in every file. An explicit
 * `@category` in a comment wins.
 */
import { Comment, CommentTag, Converter, ReflectionKind } from 'typedoc';

const STAGES = [
  [/\/src\/errors(-in-apps)?\.ts$/, 'Errors'],
  [/\/src\/framework\//, 'Framework'],
  [/\/src\/assessment\//, 'Assessment'],
  [/\/src\/(score|level|batch|arithmetic)\//, 'Scoring'],
  [/\/src\/analysis\//, 'Analysis'],
  [/\/src\/presentation\//, 'Presentation'],
];

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    for (const reflection of context.project.getReflectionsByKind(ReflectionKind.SomeExport)) {
      if (!reflection.parent?.kindOf(ReflectionKind.SomeModule | ReflectionKind.Project)) continue;
      const file = reflection.sources?.[0]?.fullFileName ?? reflection.sources?.[0]?.fileName ?? '';
      const stage = STAGES.find(([pattern]) => pattern.test(file.replaceAll('\\', '/')))?.[1];
      if (!stage) continue;
      const signature = reflection.signatures?.[0];
      const owner = reflection.comment ? reflection : signature?.comment ? signature : reflection;
      owner.comment ??= new Comment();
      if (owner.comment.blockTags.some((t) => t.tag === '@category')) continue;
      owner.comment.blockTags.push(new CommentTag('@category', [{ kind: 'text', text: stage }]));
    }
  });
}
