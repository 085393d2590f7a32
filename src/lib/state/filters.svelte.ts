import { NO_FILTERS, type Filters } from '../corpus/queries.ts';
import type { Role } from '../atlas/roles.ts';

/** The legend's role switches, the document switches, and the timeline's date. */
export class FilterState {
  value = $state<Filters>({ ...NO_FILTERS });

  toggleRole(role: Role) {
    const hidden = this.value.hiddenRoles;
    this.value = { ...this.value, hiddenRoles: hidden.includes(role) ? hidden.filter((r) => r !== role) : [...hidden, role] };
  }

  /** "Show only these": every role but these hidden, whatever was hidden before. */
  showOnlyRoles(shown: readonly Role[], all: readonly Role[]) {
    this.value = { ...this.value, hiddenRoles: all.filter((r) => !shown.includes(r)) };
  }

  showAllRoles() {
    this.value = { ...this.value, hiddenRoles: [] };
  }

  toggleDocument(id: string) {
    const hidden = this.value.hiddenDocuments;
    this.value = { ...this.value, hiddenDocuments: hidden.includes(id) ? hidden.filter((d) => d !== id) : [...hidden, id] };
  }

  setRoutes(on: boolean) {
    this.value = { ...this.value, routes: on };
  }

  setUntil(month: string | null) {
    this.value = { ...this.value, until: month };
  }

  reset() {
    this.value = { ...NO_FILTERS };
  }
}
