// The layout check (docs/boomi-api.md, "The archive"): what a Connector SDK archive is known to hold. Our
// knowledge of that layout may be incomplete, so every finding here is a warning
// for the log, never a reason to refuse the archive.
import { exactBytes } from '../text.js'

export const CONFIG_ENTRY = 'META-INF/connector-config.xml'
// The create operation has no part for the descriptor: it travels inside the archive (docs/boomi-api.md, "The archive").
export const DESCRIPTOR_ENTRY = 'META-INF/connector-descriptor.xml'

export interface ConnectorInfo {
  className?: string
  sdkApiVersion?: string
}

export interface Layout {
  connector: ConnectorInfo
  warnings: string[]
}

const LIB_JAR = /^lib\/[^/]+\.jar$/i
// Java's binary class names; anything else is not echoed into the log.
const CLASS_NAME = /^[\p{L}_$][\p{L}\p{N}_$]*(\.[\p{L}_$][\p{L}\p{N}_$]*)*$/u
const MAX_CLASS_NAME = 256
const SDK_VERSION = /^[\w.+-]{1,64}$/

/**
 * Checks the archive's file entries (their names' bytes as latin1 text) against
 * the known layout. `config` is the bytes of META-INF/connector-config.xml when
 * it was small enough to keep.
 */
export function checkLayout(names: string[], config: Buffer | undefined, maxConfigBytes: number): Layout {
  const warnings: string[] = []
  let connector: ConnectorInfo = {}
  if (!names.includes(CONFIG_ENTRY)) {
    warnings.push(`The archive has no ${CONFIG_ENTRY}; a Connector SDK archive carries one (root GenericConnector naming the connectorClassName).`)
  } else if (!config) {
    warnings.push(`${CONFIG_ENTRY} is larger than ${exactBytes(maxConfigBytes)} and was not read.`)
  } else {
    const read = readConnectorConfig(config)
    connector = read.connector
    warnings.push(...read.warnings)
  }
  if (!names.includes(DESCRIPTOR_ENTRY)) {
    warnings.push(
      `The archive has no ${DESCRIPTOR_ENTRY}; Boomi reads the connector's operations and fields from it, and the upload has no other place for it.`
    )
  }
  if (!names.some(n => LIB_JAR.test(n))) {
    warnings.push(`The archive has no lib/*.jar; a connector's classes and their dependencies are expected there.`)
  }
  return { connector, warnings }
}

/** Reads the root element, its sdkApiVersion attribute and the connectorClassName child of connector-config.xml. */
export function readConnectorConfig(xml: Buffer): Layout {
  const warnings: string[] = []
  const text = stripProlog(xml.toString('utf8'))
  if (text === undefined) {
    return { connector: {}, warnings: [`${CONFIG_ENTRY} declares a DOCTYPE, which is not read; the connector class was not read from it.`] }
  }
  const root = /^<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/.exec(text)
  if (!root) return { connector: {}, warnings: [`${CONFIG_ENTRY} does not start with an XML element; the connector class was not read from it.`] }
  const [, rootName, attributes] = root
  if (rootName !== 'GenericConnector') warnings.push(`${CONFIG_ENTRY}'s root element is <${rootName.slice(0, 64)}>, not <GenericConnector>.`)

  const connector: ConnectorInfo = {}
  const sdk = attribute(attributes, 'sdkApiVersion')
  if (sdk === undefined) warnings.push(`${CONFIG_ENTRY}'s root element has no sdkApiVersion attribute.`)
  else if (!SDK_VERSION.test(sdk)) warnings.push(`${CONFIG_ENTRY}'s sdkApiVersion is not a version number; it is not shown.`)
  else connector.sdkApiVersion = sdk

  const body = text.slice(root[0].length)
  const child = /<(?:[\w.-]+:)?connectorClassName\s*>([^<]*)<\/(?:[\w.-]+:)?connectorClassName\s*>/.exec(body)
  const className = child ? decodeEntities(child[1]).trim() : undefined
  if (className === undefined) warnings.push(`${CONFIG_ENTRY} has no connectorClassName element.`)
  else if (className.length > MAX_CLASS_NAME || !CLASS_NAME.test(className))
    warnings.push(`${CONFIG_ENTRY}'s connectorClassName is not a Java class name; it is not shown.`)
  else connector.className = className
  return { connector, warnings }
}

/** The text from the root element on: BOM, XML declaration, comments and processing instructions dropped; undefined with a DOCTYPE (entities could redefine the text). */
function stripProlog(text: string): string | undefined {
  let rest = text.replace(/^\uFEFF/, '')
  for (;;) {
    rest = rest.trimStart()
    if (rest.startsWith('<?')) {
      const end = rest.indexOf('?>')
      if (end < 0) return ''
      rest = rest.slice(end + 2)
    } else if (rest.startsWith('<!--')) {
      const end = rest.indexOf('-->')
      if (end < 0) return ''
      rest = rest.slice(end + 3)
    } else if (rest.startsWith('<!')) {
      return undefined
    } else {
      // A comment that never ends runs to the end of the text, as in the prolog: otherwise each
      // unterminated '<!--' would be matched against the rest of the text, in time quadratic in its size.
      return rest.replace(/<!--[\s\S]*?(?:-->|$)/g, '')
    }
  }
}

function attribute(attributes: string, name: string): string | undefined {
  const re = /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g
  for (let m = re.exec(attributes); m; m = re.exec(attributes)) {
    if (m[1] === name) return decodeEntities(m[2] ?? m[3]).trim()
  }
  return undefined
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return safeCodePoint(parseInt(ref.slice(2), 16)) ?? whole
    if (ref.startsWith('#')) return safeCodePoint(parseInt(ref.slice(1), 10)) ?? whole
    return NAMED[ref] ?? whole
  })
}

const safeCodePoint = (n: number): string | undefined => (n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : undefined)
