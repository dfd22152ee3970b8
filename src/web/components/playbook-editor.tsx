import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { FieldIssue } from '../../core/errors.js';
import { type Channel, channels } from '../../core/event.js';
import {
  type CustomStep,
  customStepAnchors,
  type DelayUnit,
  delayUnits,
  delayUnitWord,
  type Playbook,
  type PlaybookRuleKind,
  playbookRuleKinds,
  playbookUpdateSchema,
} from '../../core/playbook.js';
import { describeError, isApiError } from '../api-error.js';
import { issuesOutside, messagesFor, validateWith } from '../field-issues.js';
import { useApi } from '../hooks/use-api.js';
import { channelLabels, followUpKindHints, followUpKindLabels } from '../labels.js';
import { refreshAfterChange } from '../queries.js';
import { Choice, FormErrors, Options, SelectField, TextField } from './field.js';
import { useNotices } from './notices.js';

const anchorLabels: Readonly<Record<CustomStep['after'], string>> = {
  application: 'applying',
  interview: 'each interview',
  offer: 'an offer',
  rejection: 'a rejection',
};

type Rules = Playbook['rules'];

/** The follow-up playbook: when each step falls due, on which channel, whether it is planned, and own steps. */
export function PlaybookEditor() {
  const api = useApi();
  const playbook = useQuery({ queryKey: ['playbook'], queryFn: () => api.getPlaybook(), retry: false });
  if (playbook.isPending) return <p className="muted">Loading the playbook…</p>;
  if (playbook.isError) return <p className="form-errors">{describeError(playbook.error)}</p>;
  return <PlaybookForm key={JSON.stringify(playbook.data)} playbook={playbook.data} />;
}

function PlaybookForm({ playbook }: { playbook: Playbook }) {
  const api = useApi();
  const client = useQueryClient();
  const { notify } = useNotices();
  const [rules, setRules] = useState<Rules>(playbook.rules);
  // Each row keeps a key of its own: the id is editable, and keying by it would remount the row while typing.
  const [rows, setRows] = useState<{ key: number; step: CustomStep }[]>(
    playbook.customSteps.map((step, key) => ({ key, step })),
  );
  const customSteps = rows.map((row) => row.step);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [error, setError] = useState<string | null>(null);

  const onSaved = async (saved: Playbook, message: string) => {
    client.setQueryData(['playbook'], saved);
    notify(message);
    await refreshAfterChange(client);
  };
  const save = useMutation({
    mutationFn: () => api.updatePlaybook({ rules, customSteps }),
    onSuccess: (saved) => onSaved(saved, 'Playbook saved; every application is re-planned'),
    onError: (e) => {
      setError(describeError(e));
      setIssues(isApiError(e) ? [...e.issues] : []);
    },
  });
  const reset = useMutation({
    mutationFn: () => api.resetPlaybook(),
    onSuccess: (saved) => onSaved(saved, 'Playbook back to the defaults'),
    onError: (e) => setError(describeError(e)),
  });

  const setRule = <K extends PlaybookRuleKind>(kind: K, change: Partial<Rules[K]>) =>
    setRules((current) => ({ ...current, [kind]: { ...current[kind], ...change } }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateWith(playbookUpdateSchema, { rules, customSteps });
    setIssues(found);
    setError(found.length > 0 ? 'Please check the fields marked below.' : null);
    if (found.length === 0) save.mutate();
  };

  const addStep = () =>
    setRows((list) => {
      const key = Math.max(-1, ...list.map((r) => r.key)) + 1;
      const step: CustomStep = {
        id: `step-${key + 1}`,
        title: '',
        after: 'interview',
        delay: { amount: 3, unit: 'business_days' },
        channel: 'email',
        enabled: true,
      };
      return [...list, { key, step }];
    });

  return (
    <form onSubmit={submit} noValidate className="playbook">
      <FormErrors error={error} issues={issuesOutside(issues, ['rules', 'customSteps'])} />
      <div className="table-scroll card-table">
        <table>
          <caption className="visually-hidden">Follow-up rules</caption>
          <thead>
            <tr>
              <th scope="col">Step</th>
              <th scope="col">Planned</th>
              <th scope="col">Due after</th>
              <th scope="col">Channel</th>
            </tr>
          </thead>
          <tbody>
            {playbookRuleKinds.map((kind) => {
              const rule = rules[kind];
              const label = followUpKindLabels[kind];
              const base = `rules.${kind}`;
              return (
                <tr key={kind}>
                  <th scope="row">
                    {label}
                    <span className="hint">{followUpKindHints[kind]}</span>
                  </th>
                  <td data-label="Planned">
                    <input
                      type="checkbox"
                      aria-label={`Plan: ${label}`}
                      checked={rule.enabled}
                      onChange={(e) =>
                        setRule(kind, { enabled: e.target.checked } as Partial<Rules[typeof kind]>)
                      }
                    />
                  </td>
                  <td data-label="Due after">
                    <DelayInput
                      label={label}
                      value={rule.delay}
                      onChange={(delay) => setRule(kind, { delay } as Partial<Rules[typeof kind]>)}
                      messages={messagesFor(issues, `${base}.delay`)}
                    />
                    {kind === 'first_follow_up' ? (
                      <DelayInput
                        label={`${label}, after the decision date`}
                        prefix="or, after their decision date"
                        value={rules.first_follow_up.afterDecisionDate}
                        onlyBusinessDays
                        onChange={(delay) =>
                          setRule('first_follow_up', {
                            afterDecisionDate: { amount: delay.amount, unit: 'business_days' },
                          })
                        }
                        messages={messagesFor(issues, `${base}.afterDecisionDate`)}
                      />
                    ) : null}
                    {kind === 'application_check_in' ? (
                      <div className="nested-rule">
                        <Choice
                          checked={rules.application_check_in.second.enabled}
                          onChange={(enabled) =>
                            setRule('application_check_in', {
                              second: { ...rules.application_check_in.second, enabled },
                            })
                          }
                        >
                          A second check-in
                        </Choice>
                        <DelayInput
                          label={`${label}, second`}
                          prefix="after the first"
                          value={rules.application_check_in.second.delay}
                          onChange={(delay) =>
                            setRule('application_check_in', {
                              second: { ...rules.application_check_in.second, delay },
                            })
                          }
                          messages={messagesFor(issues, `${base}.second`)}
                        />
                      </div>
                    ) : null}
                  </td>
                  <td data-label="Channel">
                    {'channel' in rule ? (
                      <ChannelSelect
                        label={label}
                        value={rule.channel}
                        onChange={(channel) => setRule(kind, { channel } as Partial<Rules[typeof kind]>)}
                      />
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <h3>Your own steps</h3>
      {customSteps.length === 0 ? <p className="muted">None yet.</p> : null}
      <ul className="plain-list custom-steps">
        {rows.map(({ key, step }, index) => {
          const base = `customSteps.${index}`;
          const update = (change: Partial<CustomStep>) =>
            setRows((list) => list.map((r) => (r.key === key ? { key, step: { ...r.step, ...change } } : r)));
          return (
            <li key={key} className="custom-step">
              <TextField
                label="Title"
                name={`${base}.title`}
                issues={issues}
                value={step.title}
                onChange={(title) => update({ title })}
              />
              <TextField
                label="Id"
                name={`${base}.id`}
                issues={issues}
                value={step.id}
                onChange={(id) => update({ id })}
              />
              <SelectField
                label="After"
                name={`${base}.after`}
                issues={issues}
                value={step.after}
                onChange={(after) => update({ after })}
              >
                <Options values={customStepAnchors} labels={anchorLabels} />
              </SelectField>
              <DelayInput
                label={step.title || 'Your step'}
                value={step.delay}
                onChange={(delay) => update({ delay })}
                messages={messagesFor(issues, `${base}.delay`)}
              />
              <ChannelSelect
                label={step.title || 'Your step'}
                value={step.channel ?? 'other'}
                onChange={(channel) => update({ channel })}
              />
              <Choice checked={step.enabled} onChange={(enabled) => update({ enabled })}>
                Planned
              </Choice>
              <button
                type="button"
                className="button-small"
                onClick={() => setRows((list) => list.filter((r) => r.key !== key))}
              >
                Remove<span className="visually-hidden"> {step.title}</span>
              </button>
            </li>
          );
        })}
      </ul>
      <div className="form-actions">
        <button type="button" onClick={addStep}>
          Add a step
        </button>
        <button type="submit" className="button-primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save playbook'}
        </button>
        <button type="button" onClick={() => reset.mutate()} disabled={reset.isPending}>
          Back to the defaults
        </button>
      </div>
    </form>
  );
}

type DelayInputProps = {
  readonly label: string;
  readonly value: { amount: number; unit: DelayUnit };
  readonly onChange: (value: { amount: number; unit: DelayUnit }) => void;
  readonly messages: readonly string[];
  readonly prefix?: string;
  readonly onlyBusinessDays?: boolean;
};

function DelayInput({ label, value, onChange, messages, prefix, onlyBusinessDays }: DelayInputProps) {
  return (
    <div className="delay">
      {prefix ? <span className="hint delay-prefix">{prefix}</span> : null}
      <input
        type="number"
        min={0}
        className="delay-amount"
        aria-label={`${label}: how many`}
        aria-invalid={messages.length > 0}
        value={Number.isNaN(value.amount) ? '' : value.amount}
        onChange={(e) =>
          onChange({ ...value, amount: e.target.value === '' ? Number.NaN : Number(e.target.value) })
        }
      />
      {onlyBusinessDays ? (
        <span>{delayUnitWord('business_days', value.amount)}</span>
      ) : (
        <select
          aria-label={`${label}: unit`}
          value={value.unit}
          onChange={(e) => onChange({ ...value, unit: e.target.value as DelayUnit })}
        >
          {delayUnits.map((u) => (
            <option key={u} value={u}>
              {delayUnitWord(u, value.amount)}
            </option>
          ))}
        </select>
      )}
      {messages.length > 0 ? <p className="field-error">{messages.join('; ')}</p> : null}
    </div>
  );
}

function ChannelSelect({
  label,
  value,
  onChange,
}: {
  label: string;
  value: Channel;
  onChange: (channel: Channel) => void;
}) {
  return (
    <select
      aria-label={`${label}: channel`}
      value={value}
      onChange={(e) => onChange(e.target.value as Channel)}
    >
      {channels.map((c) => (
        <option key={c} value={c}>
          {channelLabels[c]}
        </option>
      ))}
    </select>
  );
}
