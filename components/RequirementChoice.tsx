import { Fragment } from 'preact';
import { kindNamed } from '@/utils/core/requirements';
import { KIND_GROUPS, kindsIn, type RequirementDraft } from './requirements';
import { tr } from '@/utils/core/i18n';

/**
 * What has to happen: first a group (hold sites back, or a habit), then, in a group of several kinds, a kind,
 * each with its own fields. The groups and kinds are data (components/requirements/), not named here.
 */
export function RequirementChoice({ kind, choose, drafts }: {
  kind: string;
  choose(kind: string): void;
  drafts: ReadonlyMap<string, RequirementDraft>;
}) {
  const { gates } = kindNamed(kind);
  const group = KIND_GROUPS.find((g) => g.gates === gates)!;
  const kinds = kindsIn(gates);
  return (
    <>
      <div class="type" role="radiogroup" aria-label={tr('requirement_choice_kind_of_commitment')}>
        {KIND_GROUPS.map((g) => (
          <label class="inline" key={g.testId}>
            <input type="radio" name="type" data-testid={g.testId} checked={g === group} onChange={() => choose(kindsIn(g.gates)[0]!.kind)} />
            {g.label}
          </label>
        ))}
      </div>
      <fieldset>
        <legend>{group.legend}</legend>
        {kinds.map((ui) => {
          const active = ui.kind === kind;
          const choice = kinds.length > 1
            ? <input type="radio" name="kind" data-testid={`kind-${ui.kind}`} checked={active} onChange={() => choose(ui.kind)} />
            : null;
          return <Fragment key={ui.kind}>{drafts.get(ui.kind)?.fields({ active, choice })}</Fragment>;
        })}
      </fieldset>
    </>
  );
}
