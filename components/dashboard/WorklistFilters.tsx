import type { ClaimStatus, FlagKind } from '../../rules/model';

/** The filter as the controls hold it; empty strings mean "any". */
export interface FilterValues {
  payer: string;
  status: '' | ClaimStatus;
  flagKind: '' | FlagKind;
  deadlineWithinDays: string;
  paidFrom: string;
  paidTo: string;
  followUp: string;
  search: string;
}

export const EMPTY_FILTER: FilterValues = {
  payer: '',
  status: '',
  flagKind: '',
  deadlineWithinDays: '',
  paidFrom: '',
  paidTo: '',
  followUp: '',
  search: '',
};

export interface WorklistFiltersProps {
  value: FilterValues;
  payers: readonly string[];
  flagKinds: readonly FlagKind[];
  statuses: readonly ClaimStatus[];
  followUps: readonly string[];
  onChange: (next: FilterValues) => void;
}

/** Filter and search controls; every control has a visible label. */
export function WorklistFilters({
  value,
  payers,
  flagKinds,
  statuses,
  followUps,
  onChange,
}: WorklistFiltersProps) {
  const set = (patch: Partial<FilterValues>) => onChange({ ...value, ...patch });
  const text = (e: Event) => (e.currentTarget as HTMLInputElement | HTMLSelectElement).value;
  return (
    <form class="filters" aria-label="Filter the worklist" onSubmit={(e) => e.preventDefault()}>
      <label>
        Search claim or account
        <input
          type="search"
          value={value.search}
          data-testid="filter-search"
          onInput={(e) => set({ search: text(e) })}
        />
      </label>
      <label>
        Payer
        <select value={value.payer} data-testid="filter-payer" onChange={(e) => set({ payer: text(e) })}>
          <option value="">Any payer</option>
          {payers.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </label>
      <label>
        Claim status
        <select
          value={value.status}
          data-testid="filter-status"
          onChange={(e) => set({ status: text(e) as FilterValues['status'] })}
        >
          <option value="">Any status</option>
          {statuses.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <label>
        Flag
        <select
          value={value.flagKind}
          data-testid="filter-flag"
          onChange={(e) => set({ flagKind: text(e) as FilterValues['flagKind'] })}
        >
          <option value="">Any flag</option>
          {flagKinds.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      </label>
      <label>
        Deadline within (days)
        <input
          type="number"
          min={0}
          max={3650}
          value={value.deadlineWithinDays}
          data-testid="filter-deadline"
          onInput={(e) => set({ deadlineWithinDays: text(e) })}
        />
      </label>
      <label>
        Paid from
        <input type="date" value={value.paidFrom} onInput={(e) => set({ paidFrom: text(e) })} />
      </label>
      <label>
        Paid to
        <input type="date" value={value.paidTo} onInput={(e) => set({ paidTo: text(e) })} />
      </label>
      <label>
        Follow-up
        <select
          value={value.followUp}
          data-testid="filter-follow-up"
          onChange={(e) => set({ followUp: text(e) })}
        >
          <option value="">Any</option>
          {followUps.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <button type="button" class="secondary" onClick={() => onChange(EMPTY_FILTER)}>
        Clear filters
      </button>
    </form>
  );
}
