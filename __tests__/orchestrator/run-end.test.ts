// How a run ends when a classification change is not made: refused or answered REJECTED or
// CANCELLED fails the run at its end, after everything else was done; a cancel between two
// changes sends no further one.
import { describe, expect, it } from '@jest/globals'
import { outputsOf } from '../../src/domain/outputs.js'
import { renderSummary } from '../../src/domain/summary.js'
import { FakeBoomi, GROUP, makeInputs, runFake, useWorkspace } from '../helpers/fake-run.js'

const ws = useWorkspace()

describe('classification changes Boomi did not accept', () => {
  it.each(['REJECTED', 'CANCELLED'] as const)('answered %s: the run fails at its end naming it, after the other change and the pruning', async status => {
    const boomi = new FakeBoomi()
    boomi.seed(3)
    boomi.changeAnswers.set(`${GROUP}-uat`, status)
    const run = await runFake(boomi, makeInputs({ classifications: ['uat', 'prod'], keepLatest: 2 }), ws.dir)
    expect(run.error?.message).toMatch(new RegExp(`1 classification change not made: ${GROUP}-uat \\(${status}\\)`))
    expect(boomi.calls.filter(c => c.startsWith('change')).map(c => c.split(' ')[1])).toEqual([`${GROUP}-uat`, `${GROUP}-prod`])
    expect(boomi.calls).toContain('delete 1000')
    expect(JSON.parse(outputsOf(run.record)['classification-changes'])).toEqual([
      { classificationType: `${GROUP}-uat`, versionId: '2001', reviewStatus: status },
      { classificationType: `${GROUP}-prod`, versionId: '2001', reviewStatus: 'APPROVED' }
    ])
  })

  it("names Boomi's reason where it gave one: in the log, the run's error and the summary", async () => {
    const boomi = new FakeBoomi()
    boomi.seed(1)
    boomi.changeAnswers.set(`${GROUP}-uat`, 'REJECTED')
    boomi.changeReasons.set(`${GROUP}-uat`, 'The connector descriptor is missing')
    boomi.changeReasons.set(`${GROUP}-prod`, 'Approved by the release board')
    const run = await runFake(boomi, makeInputs({ classifications: ['uat', 'prod'] }), ws.dir)
    expect(run.error?.message).toMatch(new RegExp(`not made: ${GROUP}-uat \\(REJECTED: The connector descriptor is missing\\)`))
    expect(run.lines).toContain(`${GROUP}-uat → version 2001: REJECTED (rejected by Boomi: The connector descriptor is missing)`)
    expect(run.lines).toContain(`${GROUP}-prod → version 2001: APPROVED (switched: Approved by the release board)`)
    expect(renderSummary(run.record)).toContain('| REJECTED | not switched; Boomi: The connector descriptor is missing |')
    expect(renderSummary(run.record)).toContain('| APPROVED | switched; Boomi: Approved by the release board |')
    // classification-changes keeps the shape action.yml documents: no reason in it
    expect(JSON.parse(outputsOf(run.record)['classification-changes'])[0]).toEqual({
      classificationType: `${GROUP}-uat`,
      versionId: '2001',
      reviewStatus: 'REJECTED'
    })
  })

  it('answered APPROVED and PENDING: the run succeeds', async () => {
    const boomi = new FakeBoomi()
    boomi.seed(1)
    boomi.changeAnswers.set(`${GROUP}-prod`, 'PENDING')
    const run = await runFake(boomi, makeInputs({ classifications: ['uat', 'prod'] }), ws.dir)
    expect(run.error).toBeUndefined()
    // No reason given: none shown.
    expect(run.lines).toContain(`${GROUP}-uat → version 2001: APPROVED (switched)`)
  })
})

describe('a cancel between two classification changes', () => {
  it('sends no further change, and reports it as not requested', async () => {
    const boomi = new FakeBoomi()
    boomi.seed(1)
    const controller = new AbortController()
    const change = boomi.changeVersion.bind(boomi)
    boomi.changeVersion = async (...args) => {
      const answer = await change(...args)
      controller.abort()
      return answer
    }
    const run = await runFake(boomi, makeInputs({ classifications: ['uat', 'prod'] }), ws.dir, { signal: controller.signal })
    expect(boomi.calls.filter(c => c.startsWith('change')).map(c => c.split(' ')[1])).toEqual([`${GROUP}-uat`])
    expect(run.error?.message).toMatch(/cancelled/)
    expect(run.record.switches).toEqual([
      { classificationType: `${GROUP}-uat`, versionId: '2001', reviewStatus: 'APPROVED' },
      { classificationType: `${GROUP}-prod`, versionId: '2001', reviewStatus: '', error: 'not requested: the run was cancelled', notRequested: true }
    ])
    // The output lists the changes requested; the summary names the one that was not, as not requested rather than failed.
    expect(JSON.parse(outputsOf(run.record)['classification-changes'])).toEqual([
      { classificationType: `${GROUP}-uat`, versionId: '2001', reviewStatus: 'APPROVED' }
    ])
    const summary = renderSummary(run.record)
    expect(summary).toContain(`| \`${GROUP}-prod\` | \`2001\` | – | not requested: the run was cancelled |`)
    expect(summary).not.toMatch(/failed: not requested/)
  })
})

describe('a classification change Boomi refuses', () => {
  it('is in classification-changes with no review status, in the record with the refusal, and fails the run at its end', async () => {
    const boomi = new FakeBoomi()
    boomi.seed(1)
    boomi.changeAnswers.set(`${GROUP}-uat`, 403)
    const run = await runFake(boomi, makeInputs({ classifications: ['uat'] }), ws.dir)
    const [change] = JSON.parse(outputsOf(run.record)['classification-changes'])
    expect(change).toMatchObject({ classificationType: `${GROUP}-uat`, versionId: '2001', reviewStatus: '' })
    expect(run.record.switches?.[0].error).toMatch(/403/)
    expect(run.error?.message).toMatch(/1 classification change not made/)
  })
})

describe('a classification change whose outcome is not known', () => {
  it('answered 2xx with something not understood: outcome not known in the output, the summary and the error, and the run goes on', async () => {
    const boomi = new FakeBoomi()
    boomi.seed(3)
    boomi.changeAnswers.set(`${GROUP}-uat`, 'unreadable')
    const run = await runFake(boomi, makeInputs({ classifications: ['uat', 'prod'], keepLatest: 2 }), ws.dir)
    const changes = JSON.parse(outputsOf(run.record)['classification-changes'])
    expect(changes[0]).toEqual({ classificationType: `${GROUP}-uat`, versionId: '2001', reviewStatus: '', outcome: 'unknown' })
    expect(changes[1]).toEqual({ classificationType: `${GROUP}-prod`, versionId: '2001', reviewStatus: 'APPROVED' })
    expect(run.warnings.some(w => w.includes(`Switching ${GROUP}-uat to version 2001 failed`) && w.includes('Boomi may have made the change'))).toBe(true)
    expect(run.error?.message).toMatch(
      new RegExp(`1 classification change failed in a way that may have made it .*: ${GROUP}-uat \\(version change answer not understood`)
    )
    expect(run.error?.message).not.toMatch(/not made/)
    const summary = renderSummary(run.record)
    expect(summary).toContain('outcome not known: version change answer not understood')
    expect(summary).toContain(`Version change: see which version classification \`${GROUP}-uat\` uses`)
    // the run went on: the other change and the pruning happened
    expect(boomi.calls).toContain('delete 1000')
  })

  it('refused outright (a 4xx): not made, and no outcome-not-known section', async () => {
    const boomi = new FakeBoomi()
    boomi.seed(1)
    boomi.changeAnswers.set(`${GROUP}-uat`, 404)
    const run = await runFake(boomi, makeInputs({ classifications: ['uat'] }), ws.dir)
    expect(JSON.parse(outputsOf(run.record)['classification-changes'])[0]).not.toHaveProperty('outcome')
    expect(run.error?.message).toMatch(/1 classification change not made/)
    expect(run.error?.message).not.toMatch(/may have made it/)
    expect(run.warnings).toContain(`Switching ${GROUP}-uat to version 2001 failed: version change failed: HTTP 404: classification ${GROUP}-uat is not known`)
    expect(renderSummary(run.record)).not.toContain('Outcome not known')
  })
})
