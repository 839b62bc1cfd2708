// The release notes a version change sends: the change log's text as the upload
// sends it (trailer-shaped lines dropped, trailing white space trimmed, cut to
// MAX_CHANGE_LOG_TEXT with the marker), whether the run uploaded, reused a
// version or was given one by version-id.
import { describe, expect, it } from '@jest/globals'
import { MAX_CHANGE_LOG_TEXT } from '../../src/boomi/contract.js'
import { CUT_MARKER } from '../../src/domain/changelog.js'
import type { Inputs } from '../../src/inputs/read.js'
import { CONTENT, FakeBoomi, makeInputs, runFake, SHA, useWorkspace } from '../helpers/fake-run.js'

const ws = useWorkspace()
const trailer = `content-sha256: ${CONTENT}\nsha256: ${SHA}`
const LONG = `${'Paging fixed. '.repeat(714)}end \n\n`
const SHAPED = `Notes\nsha256: ${'0'.repeat(64)}\n  \n`

/** The notes of each version change the run sent. */
async function notesSent(boomi: FakeBoomi, inputs: Partial<Inputs>): Promise<string[]> {
  const run = await runFake(boomi, makeInputs({ classifications: ['uat'], ...inputs }), ws.dir)
  expect(run.error).toBeUndefined()
  return boomi.calls.flatMap(c => {
    const m = /^change \S+ \S+ (.*)$/s.exec(c)
    return m ? [JSON.parse(m[1]) as string] : []
  })
}

const uploading = (changeLog: string): Promise<string[]> => notesSent(new FakeBoomi(), { changeLog })

function seeded(changeLog = 'earlier notes'): FakeBoomi {
  const boomi = new FakeBoomi()
  boomi.seed(2, i => (i === 1 ? { changeLog: `${changeLog}\n\n${trailer}` } : {}))
  return boomi
}

describe('release notes are fitted as the upload fits its change log', () => {
  it('an uploading run sends the text cut to the limit with the marker', async () => {
    expect(LONG.length).toBeGreaterThan(10_000)
    const [notes] = await uploading(LONG)
    expect(notes).toHaveLength(MAX_CHANGE_LOG_TEXT)
    expect(notes.endsWith(CUT_MARKER)).toBe(true)
  })

  it.each([
    ['version-id', { archive: undefined, versionId: '1001' }],
    ['a reused version', {}]
  ])('with %s, a long change-log is cut as an upload would cut it', async (_case, inputs) => {
    const [expected] = await uploading(LONG)
    expect(await notesSent(seeded(), { changeLog: LONG, ...inputs })).toEqual([expected])
  })

  it.each([
    ['version-id', { archive: undefined, versionId: '1001' }],
    ['a reused version', {}]
  ])('with %s, trailing white space and trailer-shaped lines are gone', async (_case, inputs) => {
    expect(await uploading(SHAPED)).toEqual(['Notes'])
    expect(await notesSent(seeded(), { changeLog: SHAPED, ...inputs })).toEqual(['Notes'])
  })

  it("with version-id and no change-log, the version's own long notes are cut too", async () => {
    const [expected] = await uploading(LONG)
    expect(await notesSent(seeded(LONG), { archive: undefined, versionId: '1001' })).toEqual([expected])
  })
})
