/** A connector version as Boomi describes it; only `versionId` is relied upon to exist. */
export interface ConnectorVersion {
  versionId: string
  groupType?: string
  displayVersion?: string
  changeLog?: string
  uploadedDate?: string
  uploadedBy?: string
  deleted?: boolean
  deletedDate?: string
  reviewStatus?: string
  releaseVersion?: boolean
  carLink?: string
}
