/**
 * Text and attribute values for the saved SVG figure, escaped totally: markup characters become entities, and what
 * XML 1.0 cannot hold at all (C0 controls but tab, line feed and carriage return; a surrogate without its other half;
 * U+FFFE and U+FFFF) becomes U+FFFD, so the file always opens, whatever the text held.
 */
// eslint-disable-next-line no-control-regex -- the characters XML 1.0 does not allow are exactly what is replaced
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export const escapeXml = (s: string) => s.replace(NOT_XML, '\ufffd').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
