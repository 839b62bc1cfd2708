// The zip writer lives in scripts/ so the demo and the benchmarks build real archives too.
export * from '../../scripts/zip-writer.js'
