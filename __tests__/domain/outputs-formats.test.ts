// The outputs as the command-line tool publishes them: typed JSON and a dotenv
// file that no value can break out of.
import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { dotenvText, typedOutputs } from '../../src/domain/outputs.js'

const OUTPUTS = {
  'version-id': '1042',
  'display-version': '2.1.2',
  uploaded: 'true',
  'deleted-version-ids': '["1201","1188"]',
  'skipped-version-ids': '[]',
  'classification-changes': '[{"classificationType":"g-uat","versionId":"1042","reviewStatus":"APPROVED"}]'
}

/** A dotenv reader in the style of the common one (motdotla/dotenv): one match per line. */
function readDotenv(text: string): Record<string, string> {
  const LINE = /^\s*([\w.-]+)\s*=\s*('(?:\\'|[^'])*'|"(?:\\"|[^"])*"|`(?:\\`|[^`])*`|[^#\r\n]+)?\s*(?:#.*)?$/
  const out: Record<string, string> = {}
  for (const line of text.split('\n')) {
    const m = LINE.exec(line)
    if (m) out[m[1]] = (m[2] ?? '').trim()
  }
  return out
}

describe('--json', () => {
  it('arrays are arrays, booleans booleans, the rest text', () => {
    expect(typedOutputs(OUTPUTS)).toEqual({
      'version-id': '1042',
      'display-version': '2.1.2',
      uploaded: true,
      'deleted-version-ids': ['1201', '1188'],
      'skipped-version-ids': [],
      'classification-changes': [{ classificationType: 'g-uat', versionId: '1042', reviewStatus: 'APPROVED' }]
    })
    expect(typedOutputs({ uploaded: 'false' }).uploaded).toBe(false)
    expect(typedOutputs({ uploaded: 'unknown' }).uploaded).toBe('unknown')
  })

  it('an upload whose outcome is not known stays "unknown", never false', () => {
    expect(typedOutputs({ uploaded: 'unknown' }).uploaded).toBe('unknown')
  })
})

describe('--output-file', () => {
  it('a shell that sources the file gets every value back and runs nothing (a version ID holding one `"`)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dotenv-sh-'))
    try {
      const marker = path.join(dir, 'ran')
      const outputs = { 'version-id': '7"', 'display-version': `; touch ${marker}; #`, uploaded: 'false' }
      writeFileSync(path.join(dir, 'x.env'), dotenvText(outputs))
      const read = execFileSync('sh', ['-c', '. ./x.env && printf "%s\\n%s\\n%s" "$version_id" "$display_version" "$uploaded"'], { cwd: dir, encoding: 'utf8' })
      expect(existsSync(marker)).toBe(false)
      expect(read.split('\n')).toEqual([outputs['version-id'], outputs['display-version'], 'false'])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('plain values are written as they are, names with _ for -', () => {
    expect(dotenvText(OUTPUTS).split('\n')).toEqual([
      'version_id=1042',
      'display_version=2.1.2',
      'uploaded=true',
      'deleted_version_ids=["1201","1188"]',
      'skipped_version_ids=[]',
      'classification_changes=[{"classificationType":"g-uat","versionId":"1042","reviewStatus":"APPROVED"}]',
      ''
    ])
  })

  it.each(['beta 2\nversion_id=666', 'x\ruploaded=false', '"quoted" # comment', "it's $HOME and `id` \\ done", '"', '\u2028version_id=7'])(
    'a hostile value %j stays one line, one variable',
    value => {
      const text = dotenvText({ 'display-version': value, 'version-id': '1042' })
      expect(text.split('\n')).toHaveLength(3)
      const read = readDotenv(text)
      expect(Object.keys(read)).toEqual(['display_version', 'version_id'])
      expect(read.version_id).toBe('1042')
      expect(read.display_version.startsWith('"')).toBe(true)
    }
  )
})
