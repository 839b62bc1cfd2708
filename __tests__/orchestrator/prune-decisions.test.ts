// The prune phase's decisions, driven directly through its injected deps: what a
// delete's failure makes of a version (deleted, skipped, failed, not tried), when
// the deletions stop, what the outcome and the journal say, and the order lines come in.
import { describe, expect, it } from '@jest/globals'
import type { DeleteAnswer } from '../../src/boomi/client.js'
import type { PrunePlan } from '../../src/domain/plan.js'
import type { RunEvent } from '../../src/domain/record.js'
import type { ConnectorVersion } from '../../src/domain/versions.js'
import { ACTION_VERSION } from '../../src/constants.js'
import { BoomiError, NetworkError, WithdrawnError } from '../../src/errors.js'
import type { RunDeps } from '../../src/orchestrator/deps.js'
import { executePrune, pruneForRoom, pruneInputFrom, prunePhase } from '../../src/orchestrator/prune.js'
import { FakeBoomi, GROUP, T0, fakeDeps, makeInputs } from '../helpers/fake-run.js'

const version = (i: number): ConnectorVersion => ({
  versionId: String(1000 + i),
  groupType: GROUP,
  displayVersion: String(i + 1),
  uploadedDate: new Date(T0 - (10 - i) * 86_400_000).toISOString(),
  changeLog: '',
  deleted: false,
  releaseVersion: false
})

/** A plan deleting versions 0..n-1, newest first as the planner writes it (so the oldest, 1000, is deleted first). */
function planOf(n: number, skip: ConnectorVersion[] = []): PrunePlan {
  const del = Array.from({ length: n }, (_, i) => ({ version: version(n - 1 - i), reason: 'older' }))
  return { keep: [{ version: version(9), reason: 'newest' }], delete: del, skip: skip.map(v => ({ version: v, reason: 'in use' })) }
}

/** A fake Boomi whose deletes follow `on` (by version id; the default deletes) and whose listing is `listing`. */
function client(on: Record<string, () => Promise<DeleteAnswer>>, listing: ConnectorVersion[] = []): FakeBoomi {
  const boomi = new FakeBoomi()
  boomi.deleteVersion = async (_g, id) => {
    boomi.calls.push(`delete ${id}`)
    return on[id] ? on[id]() : { outcome: 'deleted' }
  }
  boomi.listGroup = async () => {
    boomi.calls.push('list')
    return listing.map(v => ({ ...v }))
  }
  return boomi
}

function depsFor(boomi: FakeBoomi, more: Partial<RunDeps> = {}) {
  return fakeDeps(boomi, makeInputs({ archive: undefined, keepLatest: 1 }), '/nonexistent', { deleteConcurrency: 1, ...more })
}

const ids = (vs: readonly { version: ConnectorVersion }[]): string[] => vs.map(v => v.version.versionId)
/** Journaled requests whose outcome was never reported known. */
function open(events: readonly RunEvent[]): number[] {
  const answered = new Set(events.flatMap(e => (e.type === 'answered' ? [e.id] : [])))
  return events.flatMap(e => (e.type === 'sent' && !answered.has(e.id) ? [e.id] : []))
}
const rejecting = (err: Error) => async (): Promise<DeleteAnswer> => Promise.reject(err)
const gone = (i: number): ConnectorVersion => ({ ...version(i), deleted: true })

describe('what a failed delete makes of a version', () => {
  it('a 404 is settled by the listing (gone: deleted; still there: failed, pointing at the delete form), another refusal is a skip at once with its status as reason', async () => {
    const boomi = client(
      {
        '1000': rejecting(new BoomiError('delete', 404, 'not found')),
        '1001': rejecting(new BoomiError('delete', 404, 'not found')),
        '1002': rejecting(new BoomiError('delete', 409, ''))
      },
      [gone(0), version(1), version(2), gone(3)]
    )
    const { deps } = depsFor(boomi)
    const outcome = await executePrune(deps, boomi, planOf(4, [version(5)]), 'prune')
    expect(ids(outcome.deleted)).toEqual(['1003', '1000'])
    expect(outcome.skipped).toEqual([
      { version: version(5), reason: 'in use' },
      { version: version(2), reason: 'refused by Boomi: HTTP 409' }
    ])
    expect(outcome.failed).toEqual([
      {
        version: version(1),
        error:
          'refused by Boomi: not found, yet the listing shows it: the delete request may not be the form Boomi serves (docs/boomi-api.md, "What is uncertain")'
      }
    ])
    expect(outcome.notTried).toEqual([])
    expect(deps.events.all.filter(e => e.type === 'delete-failed').map(e => e.type === 'delete-failed' && e.version.versionId)).toEqual(['1001'])
    expect(boomi.calls.filter(c => c === 'list')).toHaveLength(1)
    expect(open(deps.events.all)).toEqual([])
  })

  it('a refusal after a lost answer, the version still listed: a skip with the refusal as reason', async () => {
    const boomi = client({ '1000': async () => ({ outcome: 'unknown', error: new BoomiError('delete', 409, 'in use') }) }, [version(0)])
    const { deps } = depsFor(boomi)
    const outcome = await executePrune(deps, boomi, planOf(1), 'prune')
    expect(outcome.skipped).toEqual([{ version: version(0), reason: 'refused by Boomi: in use' }])
    expect(outcome.failed).toEqual([])
    expect(deps.events.all.filter(e => e.type === 'refused')).toHaveLength(1)
  })

  it('a failure that may have taken effect is checked by the listing; one that cannot have is failed at once and the rest go on', async () => {
    const timeout = new NetworkError('delete', 'ETIMEDOUT', 'no answer', false)
    const boomi = client({ '1000': rejecting(timeout), '1001': rejecting(timeout), '1002': rejecting(new BoomiError('delete', 503, 'busy')) }, [
      gone(0),
      version(1),
      version(2),
      gone(3)
    ])
    const { deps } = depsFor(boomi)
    const outcome = await executePrune(deps, boomi, planOf(4), 'prune')
    expect(ids(outcome.deleted)).toEqual(['1003', '1000'])
    expect(outcome.failed).toEqual([
      { version: version(2), error: 'delete failed: HTTP 503: busy' },
      { version: version(1), error: timeout.message }
    ])
    expect(outcome.skipped).toEqual([])
    expect(outcome.notTried).toEqual([])
    expect(open(deps.events.all)).toEqual([])
  })

  it('a failure that cannot have taken effect needs no listing', async () => {
    const boomi = client({ '1000': rejecting(new BoomiError('delete', 503, 'busy')) }, [])
    const { deps } = depsFor(boomi)
    const outcome = await executePrune(deps, boomi, planOf(2), 'prune')
    expect(boomi.calls).toEqual(['delete 1000', 'delete 1001'])
    expect(ids(outcome.deleted)).toEqual(['1001'])
    expect(outcome.failed.map(f => f.version.versionId)).toEqual(['1000'])
  })

  it('when the listing that should settle lost answers fails, they are failed with both reasons, and their requests closed', async () => {
    const boomi = client({ '1000': rejecting(new NetworkError('delete', 'ETIMEDOUT', 'no answer', false)) })
    boomi.listGroup = async () => Promise.reject(new BoomiError('query', 500, 'down'))
    const { deps } = depsFor(boomi)
    const outcome = await executePrune(deps, boomi, planOf(2), 'prune')
    expect(ids(outcome.deleted)).toEqual(['1001'])
    expect(outcome.failed).toEqual([
      { version: version(0), error: 'outcome unknown: the answer was lost and the group could not be listed (query failed: HTTP 500: down)' }
    ])
    expect(open(deps.events.all)).toEqual([])
  })
})

describe('versions left alone for a value not understood', () => {
  it('are named in one warning (first contact: Boomi may write values this release does not read); versions Boomi would refuse are not', async () => {
    const odd = (i: number, extra: Partial<ConnectorVersion>): ConnectorVersion => ({ ...version(i), ...extra })
    const listing = [
      version(9),
      odd(1, { reviewStatus: 'NONE' }),
      odd(2, { reviewStatus: 'NONE' }),
      odd(3, { releaseVersion: 'unclear' }),
      odd(4, { reviewStatus: 'PENDING' }),
      odd(5, { releaseVersion: true })
    ]
    const boomi = client({}, listing)
    const { deps, warnings } = depsFor(boomi)
    await prunePhase(deps, 1, pruneInputFrom(listing, undefined, undefined))
    expect(boomi.calls).toEqual([])
    expect(warnings).toEqual([
      `3 versions (1003, 1002, 1001) left alone because a field that decides was not understood (release version flag not understood, so left alone; review status NONE (not understood, so left alone)): pruning cannot delete such versions. If Boomi gives ordinary versions these values, please report them, naming release ${ACTION_VERSION}.`
    ])
  })

  it('names at most five kinds of value', async () => {
    const listing = [version(9), ...['A', 'B', 'C', 'D', 'E', 'F'].map((status, i) => ({ ...version(i), reviewStatus: status }))]
    const boomi = client({}, listing)
    const { deps, warnings } = depsFor(boomi)
    await prunePhase(deps, 1, pruneInputFrom(listing, undefined, undefined))
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(
      /^6 versions \(1005, 1004, 1003, 1002, 1001, 1000\) left alone .*\(review status F .*; review status B \(not understood, so left alone\); …\): pruning cannot/
    )
    expect(warnings[0]).not.toMatch(/review status A /)
  })

  it('names at most ten versions, and five kinds exactly without an ellipsis', async () => {
    const listing = [version(20), ...Array.from({ length: 11 }, (_, i) => ({ ...version(i), reviewStatus: 'ABCDE'[i % 5] }))]
    const boomi = client({}, listing)
    const { deps, warnings } = depsFor(boomi)
    await prunePhase(deps, 1, pruneInputFrom(listing, undefined, undefined))
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/^11 versions \(1010, 1009, 1008, 1007, 1006, 1005, 1004, 1003, 1002, 1001, …\) left alone /)
    expect(warnings[0]).toMatch(/review status [A-E] \(not understood, so left alone\)\): pruning cannot/)
    const ten = listing.slice(0, 11)
    const { deps: deps10, warnings: warnings10 } = depsFor(client({}, ten))
    await prunePhase(deps10, 1, pruneInputFrom(ten, undefined, undefined))
    expect(warnings10[0]).toMatch(/^10 versions \(1009, 1008, 1007, 1006, 1005, 1004, 1003, 1002, 1001, 1000\) left alone /)
  })

  it('none such: no warning', async () => {
    const listing = [version(9), { ...version(4), reviewStatus: 'PENDING' }, version(3)]
    const boomi = client({}, listing)
    const { deps, warnings } = depsFor(boomi)
    await prunePhase(deps, 1, pruneInputFrom(listing, undefined, undefined))
    expect(boomi.calls).toEqual(['delete 1003'])
    expect(warnings).toEqual([])
  })
})

describe('when the deletions stop', () => {
  it('deletes already waiting for their turn when a 403 comes are taken back unsent, and reported not tried', async () => {
    const boomi = client({}, [])
    const sent: string[] = []
    const tick = (): Promise<void> => new Promise(resolve => setImmediate(resolve))
    boomi.deleteVersion = async (_g: string, id: string, wanted?: () => boolean): Promise<DeleteAnswer> => {
      boomi.calls.push(`delete ${id}`)
      // The pacer gives 1000 its turn first; the others wait for theirs.
      for (let i = 0; i < (id === '1000' ? 1 : 3); i++) await tick()
      if (wanted?.() === false) throw new WithdrawnError('delete')
      sent.push(id)
      if (id === '1000') throw new BoomiError('delete', 403, 'Forbidden')
      return { outcome: 'deleted' }
    }
    const { deps } = depsFor(boomi, { deleteConcurrency: 3 })
    const outcome = await executePrune(deps, boomi, planOf(5), 'prune')
    expect(sent).toEqual(['1000'])
    expect(outcome.failed.map(f => f.version.versionId)).toEqual(['1000'])
    expect(outcome.deleted).toEqual([])
    expect([...outcome.notTried].map(v => v.versionId).sort()).toEqual(['1001', '1002', '1003', '1004'])
    expect(open(deps.events.all)).toEqual([])
  })

  it('a delete is wanted while nothing has stopped the deletions', async () => {
    const asked: boolean[] = []
    const boomi = client({}, [])
    boomi.deleteVersion = async (_g: string, id: string, wanted?: () => boolean): Promise<DeleteAnswer> => {
      boomi.calls.push(`delete ${id}`)
      asked.push(wanted?.() ?? false)
      return { outcome: 'deleted' }
    }
    const { deps } = depsFor(boomi)
    const outcome = await executePrune(deps, boomi, planOf(2), 'prune')
    expect(asked).toEqual([true, true])
    expect(ids(outcome.deleted)).toEqual(['1001', '1000'])
  })

  it.each([405, 415, 401, 403])('HTTP %i, which every delete would get alike, is a failure (never a refusal) and no further deletion starts', async status => {
    const boomi = client({ '1000': rejecting(new BoomiError('delete', status, 'Method Not Allowed')) }, [])
    const { deps } = depsFor(boomi)
    const outcome = await executePrune(deps, boomi, planOf(3), 'prune')
    expect(boomi.calls).toEqual(['delete 1000'])
    expect(outcome.failed).toEqual([{ version: version(0), error: `delete failed: HTTP ${status}: Method Not Allowed` }])
    expect(outcome.skipped).toEqual([])
    expect(outcome.notTried).toEqual([version(1), version(2)])
  })

  it.each([400, 404, 409, 410, 422])('HTTP %i is about the version: the other deletions go on', async status => {
    const boomi = client({ '1000': rejecting(new BoomiError('delete', status, 'no')) }, [gone(0)])
    const { deps } = depsFor(boomi)
    const outcome = await executePrune(deps, boomi, planOf(3), 'prune')
    expect(boomi.calls.filter(c => c.startsWith('delete'))).toEqual(['delete 1000', 'delete 1001', 'delete 1002'])
    expect(outcome.notTried).toEqual([])
  })

  it('a 403 after a lost answer stops the rest: they are not tried, and reported so', async () => {
    const boomi = client({ '1000': async () => ({ outcome: 'unknown', error: new BoomiError('delete', 403, 'forbidden') }) }, [gone(0)])
    const { deps } = depsFor(boomi)
    const outcome = await executePrune(deps, boomi, planOf(3), 'prune')
    expect(boomi.calls.filter(c => c.startsWith('delete'))).toEqual(['delete 1000'])
    expect(ids(outcome.deleted)).toEqual(['1000'])
    expect(outcome.notTried).toEqual([version(1), version(2)])
    expect(deps.events.all.filter(e => e.type === 'not-tried')).toEqual([
      { type: 'not-tried', version: version(1) },
      { type: 'not-tried', version: version(2) }
    ])
  })

  it('a cancelled run: a delete Boomi refused is reported refused, not as not tried; a 404 then proves nothing and is not tried', async () => {
    const controller = new AbortController()
    const boomi = client({
      // Both in flight when the cancel comes; 1000's refusal arrives first, then 1001's 404.
      '1000': async () => {
        await new Promise(resolve => setImmediate(resolve))
        controller.abort()
        throw new BoomiError('delete', 409, 'in use by a process')
      },
      '1001': async () => {
        for (let i = 0; i < 3; i++) await new Promise(resolve => setImmediate(resolve))
        throw new BoomiError('delete', 404, 'not found')
      }
    })
    const { deps, lines } = depsFor(boomi, { signal: controller.signal, deleteConcurrency: 2 })
    const outcome = await executePrune(deps, boomi, planOf(3), 'prune')
    expect(outcome.skipped).toEqual([{ version: version(0), reason: 'refused by Boomi: in use by a process' }])
    expect([...outcome.notTried].sort((a, b) => a.versionId.localeCompare(b.versionId))).toEqual([version(1), version(2)])
    expect(outcome.failed).toEqual([])
    expect(boomi.calls).toEqual(['delete 1000', 'delete 1001'])
    expect(lines.join('\n')).toMatch(/1000 .*was not deleted: refused by Boomi: in use by a process/)
    expect(open(deps.events.all)).toEqual([])
  })

  it('a cancelled run: a delete that failed without taking effect is not tried, its request closed, and nothing new starts', async () => {
    const controller = new AbortController()
    const boomi = client({
      '1001': async () => {
        controller.abort()
        throw new BoomiError('delete', 503, 'busy')
      }
    })
    const progress: number[][] = []
    const { deps, lines } = depsFor(boomi, {
      signal: controller.signal,
      progress: { upload: () => undefined, prune: (d, t) => void progress.push([d, t]) }
    })
    const outcome = await executePrune(deps, boomi, planOf(3), 'prune')
    expect(ids(outcome.deleted)).toEqual(['1000'])
    expect(outcome.notTried).toEqual([version(1), version(2)])
    expect(outcome.failed).toEqual([])
    expect(open(deps.events.all)).toEqual([])
    expect(progress).toEqual([
      [1, 3],
      [2, 3]
    ])
    expect(lines.filter(l => l.startsWith('deleted'))).toEqual([expect.stringContaining('[1/3]')])
  })
})

describe('what the outcome says', () => {
  // Deletes are soft (docs/boomi-api.md): only a listing that shows a version deleted proves its delete.
  it.each([
    [
      'a lost answer, then not found',
      async (): Promise<DeleteAnswer> => ({ outcome: 'unknown', error: new BoomiError('delete', 404, 'not found') }),
      'refused by Boomi: not found'
    ],
    ['not found at once', rejecting(new BoomiError('delete', 404, 'not found')), 'refused by Boomi: not found'],
    ['a timeout', rejecting(new NetworkError('delete', 'ETIMEDOUT', 'no answer', false)), 'no answer']
  ])('%s, and a settling listing that does not show the version at all: not counted deleted, a failure saying so', async (_name, answer, said) => {
    const boomi = client({ '1000': answer }, [version(1)])
    const { deps } = depsFor(boomi)
    const outcome = await executePrune(deps, boomi, planOf(1), 'prune')
    expect(outcome.deleted).toEqual([])
    expect(outcome.failed).toEqual([
      {
        version: version(0),
        error: expect.stringMatching(/^outcome unknown: .*, and the listing does not show the version at all \(Boomi lists a deleted version as deleted\)$/)
      }
    ])
    expect(outcome.failed[0].error).toContain(said)
    expect(deps.events.all.filter(e => e.type === 'deleted')).toEqual([])
    expect(deps.events.all.filter(e => e.type === 'delete-failed')).toEqual([{ type: 'delete-failed', version: version(0), error: outcome.failed[0].error }])
  })

  it('deletions are listed in the plan order, however they finished; progress and the deleted lines count every finished deletion', async () => {
    const boomi = client(
      {
        '1001': async () => ({ outcome: 'unknown', error: new BoomiError('delete', 404, 'not found') }),
        '1002': rejecting(new BoomiError('delete', 409, 'in use')),
        '1003': rejecting(new BoomiError('delete', 404, 'not found')),
        '1004': rejecting(new Error('not understood'))
      },
      [version(0), gone(1), gone(3)]
    )
    const progress: number[][] = []
    const { deps, lines } = depsFor(boomi, { progress: { upload: () => undefined, prune: (d, t) => void progress.push([d, t]) } })
    const outcome = await executePrune(deps, boomi, planOf(6), 'prune')
    expect(ids(outcome.deleted)).toEqual(['1005', '1003', '1001', '1000'])
    expect(progress.map(p => p[0])).toEqual([1, 2, 3, 4, 5, 6])
    expect(lines.filter(l => l.startsWith('deleted 1005'))).toEqual([expect.stringContaining('[6/6]')])
    expect(lines.filter(l => l.startsWith('deleted 1000'))).toEqual([expect.stringContaining('[1/6]')])
  })

  it('deleted in the plan order with several at a time too, a settled one among them', async () => {
    const boomi = client({ '1000': async () => ({ outcome: 'unknown', error: new BoomiError('delete', 404, 'not found') }) }, [gone(0)])
    const { deps } = depsFor(boomi, { deleteConcurrency: 3 })
    const outcome = await executePrune(deps, boomi, planOf(5), 'prune')
    expect(ids(outcome.deleted)).toEqual(['1004', '1003', '1002', '1001', '1000'])
  })

  it('a dry run deletes nothing and reports the plan as the outcome', async () => {
    const boomi = client({})
    const { deps } = fakeDeps(boomi, makeInputs({ archive: undefined, keepLatest: 1, dryRun: true, minAgeDays: 0 }), '/nonexistent')
    const listing = [version(0), version(1), version(2)]
    const result = await prunePhase(deps, 1, { listing, uploaded: false, pendingUpload: false, refusedBefore: new Set() })
    expect(boomi.calls).toEqual([])
    expect(result).toEqual({
      keepLatest: 1,
      minAgeDays: 0,
      kept: 1,
      outcome: { deleted: expect.any(Array), skipped: [], failed: [], notTried: [] }
    })
    expect(ids(result.outcome.deleted)).toEqual(['1001', '1000'])
    const plans = deps.events.all.filter(e => e.type === 'prune-plan')
    expect(plans).toEqual([expect.objectContaining({ round: 'prune', plan: { keepLatest: 1, minAgeDays: 0, kept: 1 } })])
  })

  it('the prune after the upload reports its deletes as the prune round', async () => {
    const boomi = client({})
    const { deps } = fakeDeps(boomi, makeInputs({ archive: undefined, keepLatest: 1, minAgeDays: 0 }), '/nonexistent')
    const result = await prunePhase(deps, 1, { listing: [version(0), version(1)], uploaded: false, pendingUpload: false, refusedBefore: new Set() })
    expect(ids(result.outcome.deleted)).toEqual(['1000'])
    const sent = deps.events.all.flatMap(e => (e.type === 'sent' && e.request.operation === 'delete' ? [e.request.round] : []))
    expect(sent).toEqual(['prune'])
  })

  it('making room: its plan and its deletes are reported as the room round', async () => {
    const boomi = client({})
    const { deps } = fakeDeps(boomi, makeInputs({ archive: undefined, keepLatest: 2, minAgeDays: 0 }), '/nonexistent')
    const outcome = await pruneForRoom(deps, boomi, [version(0), version(1), version(2)], 2)
    // the pending upload takes a place: 1002 is kept, 1001 and 1000 go
    expect(ids(outcome.deleted)).toEqual(['1001', '1000'])
    const plans = deps.events.all.filter(e => e.type === 'prune-plan')
    expect(plans).toEqual([expect.objectContaining({ round: 'room', plan: { keepLatest: 2, minAgeDays: 0, kept: 1 } })])
    const sent = deps.events.all.flatMap(e => (e.type === 'sent' && e.request.operation === 'delete' ? [e.request.round] : []))
    expect(sent).toEqual(['room', 'room'])
  })

  it('after an upload without an early prune, nothing counts as refused before', () => {
    const v = version(0)
    const input = pruneInputFrom([v], { kind: 'uploaded', version: v, changeLog: '', listing: [v] }, v)
    expect([...input.refusedBefore]).toEqual([])
  })
})

describe('the order lines come in while deletions run a few at a time', () => {
  it('each line as soon as every earlier one is out; once cancelled, whatever waits at once, in plan order', async () => {
    const release: Record<string, (a: DeleteAnswer) => void> = {}
    const later = (id: string) => () => new Promise<DeleteAnswer>(resolve => (release[id] = resolve))
    const boomi = client(Object.fromEntries(['1000', '1001', '1002', '1003', '1004', '1005'].map(id => [id, later(id)])))
    const controller = new AbortController()
    const { deps, lines } = depsFor(boomi, { deleteConcurrency: 6, signal: controller.signal })
    const settle = async (): Promise<void> => {
      for (let i = 0; i < 5; i++) await new Promise(resolve => setImmediate(resolve))
    }
    const deletedLines = (): string[] => lines.filter(l => l.startsWith('deleted')).map(l => l.split(' ')[1])
    const run = executePrune(deps, boomi, planOf(6), 'prune')
    await settle()
    release['1000']({ outcome: 'deleted' })
    await settle()
    expect(deletedLines()).toEqual(['1000'])
    release['1001']({ outcome: 'deleted' })
    await settle()
    expect(deletedLines()).toEqual(['1000', '1001'])
    // 1002 hangs; 1004 then 1003 answer: their lines wait for 1002's
    release['1004']({ outcome: 'deleted' })
    await settle()
    release['1003']({ outcome: 'deleted' })
    await settle()
    expect(deletedLines()).toEqual(['1000', '1001'])
    controller.abort()
    expect(deletedLines()).toEqual(['1000', '1001', '1003', '1004'])
    // after the cancel, a line comes at once though 1002 still hangs
    release['1005']({ outcome: 'deleted' })
    await settle()
    expect(deletedLines()).toEqual(['1000', '1001', '1003', '1004', '1005'])
    release['1002']({ outcome: 'deleted' })
    const outcome = await run
    expect(ids(outcome.deleted)).toEqual(['1005', '1004', '1003', '1002', '1001', '1000'])
  })

  it('a deletion in flight when the run is cancelled still counts those that ended before it', async () => {
    const controller = new AbortController()
    let answer1001: (a: DeleteAnswer) => void = () => undefined
    const boomi = client({
      '1000': async () => {
        await new Promise(resolve => setImmediate(resolve))
        controller.abort()
        throw new BoomiError('delete', 503, 'busy')
      },
      '1001': () => new Promise<DeleteAnswer>(resolve => (answer1001 = resolve))
    })
    const { deps, lines } = depsFor(boomi, { deleteConcurrency: 2, signal: controller.signal })
    const run = executePrune(deps, boomi, planOf(2), 'prune')
    for (let i = 0; i < 5; i++) await new Promise(resolve => setImmediate(resolve))
    answer1001({ outcome: 'deleted' })
    const outcome = await run
    expect(outcome.notTried).toEqual([version(0)])
    expect(lines.filter(l => l.startsWith('deleted'))).toEqual([expect.stringMatching(/^deleted 1001 .*\[2\/2\]$/)])
  })

  it('when a deletion worker fails outright, the lines of deletions already done still come out', async () => {
    let answer1000: (a: DeleteAnswer) => void = () => undefined
    const boomi = client({ '1000': () => new Promise<DeleteAnswer>(resolve => (answer1000 = resolve)) })
    let finished = 0
    const progress = {
      upload: () => undefined,
      prune: () => {
        if (++finished > 1) throw new Error('progress reporter broke')
      }
    }
    const { deps, lines } = depsFor(boomi, { deleteConcurrency: 2, progress })
    const run = executePrune(deps, boomi, planOf(2), 'prune')
    for (let i = 0; i < 5; i++) await new Promise(resolve => setImmediate(resolve))
    answer1000({ outcome: 'deleted' })
    await expect(run).rejects.toThrow('progress reporter broke')
    expect(lines.filter(l => l.startsWith('deleted')).map(l => l.split(' ')[1])).toEqual(['1001'])
  })
})
