import type * as Htmlparser2 from 'htmlparser2';
import { htmlparser2 } from '../../system/first-use-packages';

/** An element of a small XML document: its name, attributes, children and text. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** An autoconfig file is a few KB; anything this large is not one. */
const MAX_XML_BYTES = 256 * 1024;

export class XmlRejected extends Error {}

/**
 * Parses a small XML document into a tree, with htmlparser2 (already shipped
 * through mailparser) in XML mode. It expands no entities but the five XML
 * ones and character references, and fetches nothing; a document type
 * declaration (where external and billion-laughs entities live) is refused
 * outright, as no autoconfig file needs one.
 */
export function parseXml(text: string): XmlElement {
  if (Buffer.byteLength(text) > MAX_XML_BYTES) throw new XmlRejected(`the document is larger than ${MAX_XML_BYTES} bytes`);
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw new XmlRejected('the document declares a DTD or entities');
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const open: XmlElement[] = [root];
  let failure: string | null = null;
  // The callbacks read the parser's position (declared before it is assigned).
  const { Parser } = htmlparser2();
  const parser: Htmlparser2.Parser = new Parser(
    {
      onopentag(name, attributes) {
        const element: XmlElement = { name, attributes, children: [], text: '' };
        open.at(-1)!.children.push(element);
        open.push(element);
      },
      ontext(text) {
        open.at(-1)!.text += text;
      },
      onclosetag(name, isImplied) {
        // Implied and not `<x/>`: htmlparser2 closed it for a document that did not (truncated or mangled).
        if (isImplied && !text.slice(parser.startIndex, parser.endIndex + 1).endsWith('/>')) failure ??= `<${name}> is not closed`;
        if (open.at(-1)?.name !== name) failure ??= `</${name}> closes nothing open`;
        else open.pop();
      },
      onerror(error) {
        failure ??= error.message;
      },
    },
    { xmlMode: true, decodeEntities: true, recognizeSelfClosing: true },
  );
  parser.write(text);
  parser.end();
  // htmlparser2 closes what is left open at the end; a well-formed document has nothing left.
  if (failure) throw new XmlRejected(failure);
  const elements = root.children;
  if (elements.length !== 1) throw new XmlRejected(elements.length ? 'more than one root element' : 'no root element');
  return elements[0]!;
}

export function child(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((c) => c.name === name);
}

export function childText(element: XmlElement, name: string): string | null {
  const found = child(element, name);
  return found ? found.text.trim() : null;
}
