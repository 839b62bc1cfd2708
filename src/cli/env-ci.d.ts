// env-ci ships no types; these are the fields of its answer that the tool reads.
declare module 'env-ci' {
  export interface CiEnvironment {
    isCi: boolean
    service?: string
    name?: string
    commit?: string
    tag?: string
    branch?: string
    slug?: string
    buildUrl?: string
    isPr?: boolean
    /** In a merge or pull request, its source branch (`branch` is then its target). */
    prBranch?: string
  }
  export default function envCi(options?: { env?: Record<string, string | undefined>; cwd?: string }): CiEnvironment
}
