/**
 * Classifications per connector group: label → the version it points at, its visibility, and
 * an approval request waiting for a PUBLIC one. A version a classification uses, or has
 * pending, cannot be deleted (that replaces a fixed "in use" flag).
 */
import type { Classification, Visibility } from './types.js'

export interface Use {
  groupType: string
  label: string
  how: 'used' | 'pending'
}

export class ClassificationBook {
  private groups = new Map<string, Map<string, Classification>>()

  set(groupType: string, label: string, c: Classification): void {
    if (!/^[^\s-][^\s]*$/.test(label)) throw new Error(`emulator: bad classification label '${label}'`)
    const labels = this.groups.get(groupType) ?? new Map<string, Classification>()
    labels.set(label, copy(c))
    this.groups.set(groupType, labels)
  }

  /** The stored classification itself (callers change it in place), or undefined. */
  get(groupType: string, label: string): Classification | undefined {
    return this.groups.get(groupType)?.get(label)
  }

  /** Copies by label: what each points at and has pending (its dates are for answers only). */
  of(groupType: string): Record<string, Classification> {
    const out: Record<string, Classification> = {}
    for (const [label, c] of this.groups.get(groupType) ?? []) {
      const { dateCreated: _created, lastModifiedDate: _modified, ...rest } = copy(c)
      out[label] = rest
    }
    return out
  }

  /**
   * `<groupType>-<label>` → its parts. Group types hold hyphens too, so the split is found
   * among the classifications that exist; the longest matching group type wins.
   */
  resolve(classificationType: string): { groupType: string; label: string } | undefined {
    let best: { groupType: string; label: string } | undefined
    for (const [groupType, labels] of this.groups) {
      if (!classificationType.startsWith(`${groupType}-`)) continue
      const label = classificationType.slice(groupType.length + 1)
      if (labels.has(label) && (!best || groupType.length > best.groupType.length)) best = { groupType, label }
    }
    return best
  }

  /** Every classification of the version's group that uses the version or has it pending. */
  usesOf(groupType: string, versionId: string): Use[] {
    const uses: Use[] = []
    for (const [label, c] of this.groups.get(groupType) ?? []) {
      if (c.versionId === versionId) uses.push({ groupType, label, how: 'used' })
      else if (c.pending?.versionId === versionId) uses.push({ groupType, label, how: 'pending' })
    }
    return uses
  }

  /** Points `label` at the version, keeping the visibility it had (PRIVATE when new). */
  point(groupType: string, label: string, versionId: string): void {
    const { visibility, dateCreated, lastModifiedDate } = this.get(groupType, label) ?? { visibility: 'PRIVATE' as Visibility }
    this.set(groupType, label, { versionId, visibility, dateCreated, lastModifiedDate })
  }

  /** No classification of the group uses the version or has it pending any more. */
  release(groupType: string, versionId: string): void {
    for (const c of this.groups.get(groupType)?.values() ?? []) {
      if (c.versionId === versionId) delete c.versionId
      if (c.pending?.versionId === versionId) delete c.pending
    }
  }

  reset(): void {
    this.groups.clear()
  }
}

function copy(c: Classification): Classification {
  const out: Classification = { visibility: c.visibility }
  if (c.versionId !== undefined) out.versionId = c.versionId
  if (c.pending) out.pending = { ...c.pending }
  if (c.dateCreated !== undefined) out.dateCreated = c.dateCreated
  if (c.lastModifiedDate !== undefined) out.lastModifiedDate = c.lastModifiedDate
  return out
}
