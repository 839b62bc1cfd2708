// Writes the bench's archives to a directory, for profiling by hand:
// node .tools/scripts/bench/archive-make.js <dir>  (real-jar 40 MB if the machine has the jars, synthetic 40 MB)
import { writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { makeRealJarConnector, makeRealisticConnector } from './archive-fixtures.js'

const dir = process.argv[2]
if (!dir) throw new Error('usage: archive-make.js <dir>')
const real = makeRealJarConnector(40e6)
if (real) writeFileSync(path.join(dir, 'real-40mb.car.zip'), real.zip)
writeFileSync(path.join(dir, 'synthetic-40mb.car.zip'), makeRealisticConnector(40e6))
process.stdout.write(`${real ? `real: ${real.jars} jars` : 'no real jars'}\n`)
